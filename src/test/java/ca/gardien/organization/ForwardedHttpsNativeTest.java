package ca.gardien.organization;

import org.springframework.boot.test.context.SpringBootTest;

/** {@code server.forward-headers-strategy=native}: Tomcat's remote-IP valve, which trusts loopback and private proxies. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.forward-headers-strategy=native")
class ForwardedHttpsNativeTest extends ForwardedHttps {}
