package ca.gardien.organization;

import org.springframework.boot.test.context.SpringBootTest;

/** {@code server.forward-headers-strategy=framework}: Spring's forwarded-headers filter, which trusts every client. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.forward-headers-strategy=framework")
class ForwardedHttpsFrameworkTest extends ForwardedHttps {}
