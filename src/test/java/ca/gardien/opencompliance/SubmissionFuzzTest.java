package ca.gardien.opencompliance;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.shared.OutboundAddresses;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The body of {@code POST /opencompliance/v1/opencompliance_requests}, fuzzed through the reader the endpoint uses:
 * any body is either a well-formed submission or refused with the specification's validation error (a 4xx), never
 * another exception (a 500); a submission accepted never names a callback host that resolves to a loopback, private or
 * link-local address (finding L2). Regression inputs are in
 * {@code src/test/resources/ca/gardien/opencompliance/SubmissionFuzzTestInputs/}; fuzz with
 * {@code JAZZER_FUZZ=1 ./mvnw test -Dtest='SubmissionFuzzTest'}.
 */
class SubmissionFuzzTest {

    private static final OpenComplianceProperties PROPERTIES = new Binder(new MapConfigurationPropertySource(
                    Map.of("gardien.opencompliance.processor-domain", "gardien.test")))
            .bindOrCreate("gardien.opencompliance", OpenComplianceProperties.class);

    private static final SubmissionReader READER = new SubmissionReader(PROPERTIES);

    /**
     * Resolution goes through the fuzz JVM's hosts file ({@code src/test/resources/security/fuzz-hosts}, set by the
     * {@code fuzz-tests} execution): no DNS query leaves the build, and one name there resolves to a private address.
     */
    private static boolean publicAddresses(String host) {
        var bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        try {
            return Arrays.stream(InetAddress.getAllByName(bare)).allMatch(OutboundAddresses::isPublic);
        } catch (UnknownHostException e) {
            return true; // refused at every call while it does not resolve (OutboundAddresses#refusal)
        }
    }

    @FuzzTest(maxDuration = "10m")
    @DictionaryEntries({
        "\"subject_request_id\":",
        "\"a7551968-d5d6-44b2-9831-815ac9017798\"",
        "\"subject_request_type\":",
        "\"access\"",
        "\"erasure\"",
        "\"portability\"",
        "\"submitted_time\":",
        "\"2018-10-02T15:00:00Z\"",
        "\"subject_identities\":",
        "\"identity_type\":",
        "\"identity_value\":",
        "\"identity_format\":",
        "\"raw\"",
        "\"email\"",
        "\"controller_customer_id\"",
        "\"status_callback_urls\":",
        "\"https://controller.example.test/callbacks\"",
        "\"https://internal.example.test/\"",
        "\"https://127.0.0.1:8443/\"",
        "\"https://[::1]/\"",
        "\"https://[::ffff:10.0.0.5]/\"",
        "\"https://169.254.169.254/latest/meta-data\"",
        "\"https://0x7f.1/\"",
        "\"https://2130706433/\"",
        "\"regulation\":",
        "\"law25\"",
        "\"extensions\":",
        "\"gardien.test\":",
        "\"request_type\":",
        "\"jurisdiction\":",
        "\"language\":",
        "\"phone\":",
        "\"details\":"
    })
    void aBodyIsASubmissionOrAValidationError(byte[] body) {
        try {
            var submitted = READER.read(body);
            assertThat(submitted.subjectRequestId()).isNotNull();
            assertThat(submitted.submittedTime()).isNotNull();
            assertThat(Arrays.asList(submitted.email(), submitted.customerId(), submitted.phone()))
                    .as("identities")
                    .anySatisfy(identity -> assertThat(identity).isNotBlank());
            assertThat(submitted.callbackUrls()).hasSizeLessThanOrEqualTo(CallbackUrls.MAX);
            assertThat(submitted.callbackUrls())
                    .allSatisfy(url -> assertThat(url.getScheme()).isEqualToIgnoringCase("https"))
                    .allSatisfy(url -> assertThat(publicAddresses(url.getHost()))
                            .as("a callback host accepted must resolve to public addresses only")
                            .isTrue());
            // the extension may name any type or jurisdiction: the intake refuses an unknown one with a 400
            assertThat(submitted.type()).isNotBlank();
            assertThat(submitted.jurisdiction()).isNotBlank();
        } catch (OpenComplianceException refused) {
            assertThat(refused.status).isBetween(400, 499);
            assertThat(refused.details).isNotEmpty();
        }
    }
}
