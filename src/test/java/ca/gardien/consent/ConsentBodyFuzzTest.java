package ca.gardien.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ca.gardien.inventory.DataMap;
import ca.gardien.inventory.Inventory;
import ca.gardien.shared.Actor;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.KeyedDigest;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The two consent bodies, fuzzed through the code that handles them after Spring reads the JSON: the API's consent
 * record ({@code POST /api/v1/consents}, {@link ConsentLedger#record}) and the banner's choice
 * ({@code POST /consent/choices}, {@link BannerController}). A body is either recorded, unreadable JSON (Spring's
 * 400), bad input naming its fields ({@link InvalidInputException}, a 400) or a consent rule broken
 * ({@link ConsentRuleViolation}, a 422) — never another exception (a 500). Only the database is stubbed. Regression
 * inputs are in {@code src/test/resources/ca/gardien/consent/ConsentBodyFuzzTestInputs/}; fuzz one method with
 * {@code JAZZER_FUZZ=1 ./mvnw test -Dtest='ConsentBodyFuzzTest#bannerChoiceIsRecordedOrRefusedAsBadInput'}.
 */
class ConsentBodyFuzzTest {

    /** Spring Boot's reading of request bodies: unknown properties are ignored. */
    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T15:00:00Z"), ZoneOffset.UTC);

    private static final ConsentProperties PROPERTIES = new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("gardien.consent", ConsentProperties.class);
    private static final ConsentLedger LEDGER = ledger();
    private static final BannerController BANNER = new BannerController(
            LEDGER, null, key(), null, null, PROPERTIES, new AnonymousWrites((limit, quota, key) -> {}, PROPERTIES));

    @FuzzTest(maxDuration = "10m")
    @DictionaryEntries({
        "\"subject\":",
        "{\"email\":\"person@example.test\"}",
        "\"phone\":\"+15145550001\"",
        "\"customer\":",
        "\"visitor\":",
        "\"purpose\":",
        "\"newsletter\"",
        "\"marketing-research\"",
        "\"customer-relationship\"",
        "\"state\":",
        "\"GRANTED\"",
        "\"WITHDRAWN\"",
        "\"kind\":",
        "\"IMPLICIT\"",
        "\"givenBy\":",
        "\"PARENT\"",
        "\"channel\":",
        "\"WEB_FORM\"",
        "\"noticeVersion\":",
        "\"dateOfBirth\":",
        "\"2012-02-29\"",
        "\"ageBand\":",
        "\"UNDER_14\"",
        "\"evidence\":",
        "\"ip\":",
        "\"userAgent\":",
        "\"formId\":",
        "\"gpc\":",
        "\"validUntil\":",
        "\"2027-01-01T00:00:00Z\"",
        "\"+999999999-12-31\"",
        "\"-999999999-01-01\""
    })
    void consentRecordIsRecordedOrRefusedWithItsReason(byte[] body) {
        ConsentRequest request;
        try {
            request = JSON.readValue(body, ConsentRequest.class);
        } catch (JacksonException unreadable) {
            return;
        }
        if (request == null) {
            return; // a body of "null": Spring refuses a missing body with a 400 before the controller
        }
        try {
            var recorded = LEDGER.record(request, Actor.SYSTEM);
            assertThat(recorded.purpose()).isEqualTo(request.purpose());
            assertThat(recorded.state()).isEqualTo(request.state());
        } catch (InvalidInputException badInput) {
            assertThat(badInput.errors())
                    .isNotEmpty()
                    .allSatisfy(e -> assertThat(e.field()).isNotBlank());
        } catch (ConsentRuleViolation ruleBroken) {
            assertThat(ruleBroken.rule()).isNotNull();
        }
    }

    @FuzzTest(maxDuration = "10m")
    @DictionaryEntries({
        "\"visitor\":",
        "\"v-0123456789abcdef\"",
        "\"choices\":",
        "\"preferences\":",
        "\"statistics\":",
        "\"marketing\":",
        "true",
        "false",
        "\"gpc\":",
        "\"language\":",
        "\"fr\""
    })
    void bannerChoiceIsRecordedOrRefusedAsBadInput(byte[] body) {
        BannerController.Choice choice;
        try {
            choice = JSON.readValue(body, BannerController.Choice.class);
        } catch (JacksonException unreadable) {
            return;
        }
        if (choice == null) {
            return;
        }
        var request = new MockHttpServletRequest("POST", "/consent/choices");
        request.setRemoteAddr("192.0.2.10");
        request.addHeader("User-Agent", "fuzz");
        try {
            BANNER.choose(choice, request);
        } catch (InvalidInputException badInput) {
            assertThat(badInput.errors())
                    .isNotEmpty()
                    .allSatisfy(e -> assertThat(e.field()).isIn("visitor", "choices", "language"));
        }
    }

    /** The consent ledger with its database stubbed: subjects resolve to a new id, appends succeed. */
    private static ConsentLedger ledger() {
        var inventory = mock(Inventory.class);
        when(inventory.current()).thenReturn(demoMap());
        var subjects = mock(Subjects.class); // knows nobody: every write creates its subject
        var records = mock(ConsentRecords.class);
        when(records.append(any())).thenReturn(1L);
        when(records.appendAll(any())).thenAnswer(call -> new long[((List<?>) call.getArgument(0)).size()]);
        return new ConsentLedger(
                inventory,
                subjects,
                records,
                mock(ConsentDecisions.class),
                key(),
                PROPERTIES,
                mock(ApplicationEventPublisher.class),
                CLOCK,
                mock(org.springframework.transaction.PlatformTransactionManager.class),
                mock(ConsentWriter.class), // not running: every write goes on its own, as a group of one
                new ConsentBatch(inventory, subjects, records, mock(ApplicationEventPublisher.class)));
    }

    private static KeyedDigest key() {
        return new KeyedDigest(new byte[32]);
    }

    /** The demo organization's data map: its purposes are primary, secondary, implicit or not, sensitive or not. */
    private static DataMap demoMap() {
        try (var in = new ClassPathResource("demo/ingeno.yaml").getInputStream()) {
            return YAMLMapper.builder()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .build()
                    .readValue(in, DataMap.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
