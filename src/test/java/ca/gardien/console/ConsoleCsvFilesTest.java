package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.incidents.IncidentDetails;
import ca.gardien.incidents.IncidentKind;
import ca.gardien.incidents.Incidents;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import ca.gardien.support.TestPasswords;
import ca.gardien.support.WebTestSupport;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every CSV the console hands out opens in French Excel with its accents (issue 13, officer's review): the file starts
 * with the UTF-8 byte order mark (EF BB BF), written by the one writer ({@code shared.CsvFile}), and the formula guard
 * stays. The list of console CSV endpoints below is checked against the application's mappings, so that a new export
 * cannot be left out.
 */
class ConsoleCsvFilesTest extends WebTestSupport {

    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** The governance training record needs a published policy and a campaign: GovernancePagesTest checks its mark. */
    static final String TRAINING_RECORD = "/console/governance/training/{id}/record.csv";

    @Autowired
    Incidents incidents;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyConsoleCsvStartsWithTheByteOrderMarkForExcel() throws Exception {
        var officer = person(Role.PRIVACY_OFFICER);
        var session = login(officer.username(), officer.password());
        var incident = incident();
        var files = List.of(
                "/console/requests/export.csv",
                "/console/ledger/export.csv",
                "/console/accounts/export.csv",
                "/console/connectors/export.csv",
                "/console/consent/records/export.csv",
                "/console/tokens/export.csv",
                "/console/incidents/register.csv",
                "/console/incidents/{id}/persons/mailing.csv",
                "/console/inventory/record-of-processing.csv",
                "/console/retention/anonymizations.csv",
                "/console/complaints/export.csv",
                "/console/assessments/export.csv");
        for (var path : files) {
            assertThat(file(get(path.replace("{id}", incident.toString())), session))
                    .as(path)
                    .startsWith(BOM);
        }
        assertThat(file(post("/console/consent/export").param("format", "csv").with(csrf()), session))
                .startsWith(BOM);

        var mapped = new TreeSet<String>();
        mappings.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream())
                .filter(p -> p.startsWith("/console/") && p.endsWith(".csv"))
                .forEach(mapped::add);
        var covered = new TreeSet<>(files);
        covered.add(TRAINING_RECORD);
        assertThat(mapped).as("console CSV endpoints").isEqualTo(covered);
    }

    @Test
    void anAccentedValueRoundTripsAndAFormulaStaysText() throws Exception {
        var officer = person(Role.PRIVACY_OFFICER);
        var session = login(officer.username(), officer.password());
        var accented = "Hélène Côté-" + UUID.randomUUID().toString().substring(0, 6);
        accounts.create(unique("h"), accented, TestPasswords.fresh("initial"), Set.of(Role.STAFF), Actor.SYSTEM);
        var formula = "=HYPERLINK(\"http://example.test\")"
                + UUID.randomUUID().toString().substring(0, 6);
        accounts.create(unique("f"), formula, TestPasswords.fresh("initial"), Set.of(Role.STAFF), Actor.SYSTEM);

        var bytes = file(get("/console/accounts/export.csv"), session);
        assertThat(bytes).startsWith(BOM);
        var text = new String(Arrays.copyOfRange(bytes, BOM.length, bytes.length), StandardCharsets.UTF_8);
        assertThat(text).startsWith("Nom d’utilisateur,").contains("," + accented + ",");
        assertThat(text).contains(",\"'=HYPERLINK(\"\"http://example.test\"\")");
        assertThat(text).doesNotContain("\uFEFF");
    }

    private byte[] file(MockHttpServletRequestBuilder request, MockHttpSession session) throws Exception {
        var response = mvc.perform(request.session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment");
        return response.getContentAsByteArray();
    }

    private UUID incident() {
        var aware = OffsetDateTime.now(ZoneOffset.ofHours(-5)).minusHours(2);
        return incidents
                .record(
                        new IncidentDetails(
                                "Fichier d’envoi",
                                IncidentKind.ACCESS,
                                "Noms",
                                null,
                                "Boîte égarée",
                                aware.toLocalDate(),
                                null,
                                false,
                                aware,
                                3L,
                                null,
                                false,
                                List.of(),
                                List.of()),
                        Actor.account(officerId()))
                .id();
    }
}
