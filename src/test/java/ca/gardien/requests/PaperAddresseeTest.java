package ca.gardien.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.shared.SubjectKeys;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The privacy officer answering a paper request: a letter by post needs a name and a postal address, which requests did
 * not keep. Staff now enter them with the request; they are sealed under the request's key like its identifiers, never
 * in the ledger, shown only to those who see identifiers in clear, and gone with the key.
 */
class PaperAddresseeTest extends RequestsTestSupport {

    private static final String NAME = "Jeanne <b>Synthétique</b>";
    private static final String ADDRESS =
            "1234, rue des Essais, app. 5\r\n<script>alert(1)</script>\r\nMontréal (Québec)" + "  H2X 1Y6";

    @Autowired
    Requests requests;

    @Autowired
    LetterText letters;

    @Autowired
    SubjectKeys keys;

    private ResultActions enter(String addresseeJson, String language) throws Exception {
        var request = new MockMultipartFile("request", "", MediaType.APPLICATION_JSON_VALUE, """
            {"type": "ACCESS", "subject": {"customerNumber": "C-%s"}, "jurisdiction": "QC", "channel": "MAIL",
             "addressee": %s}\
            """.formatted(
                        UUID.randomUUID().toString().substring(0, 8), addresseeJson)
                .getBytes(StandardCharsets.UTF_8));
        var call = multipart("/api/v1/requests/officer-entry").file(request).header("Authorization", staff);
        if (language != null) {
            call.header("Accept-Language", language);
        }
        return mvc.perform(call);
    }

    private UUID entered() throws Exception {
        var json = "{\"name\": \"%s\", \"postalAddress\": \"%s\"}".formatted(NAME, ADDRESS.replace("\r\n", "\\r\\n"));
        var body = enter(json, null)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return UUID.fromString(JsonPath.read(body, "$.id"));
    }

    @Test
    void theNameAndAddressAreSealedUnderTheRequestsKeyAndTheLedgerOnlySaysAnAddressWasGiven() throws Exception {
        var id = entered();
        var stored = jdbc.sql("SELECT addressee_name, postal_address FROM requests_request WHERE id = ?")
                .param(id)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
                .single();
        assertThat(stored).allSatisfy(v -> assertThat(v).startsWith(SubjectKeys.PREFIX));
        assertThat(String.join(" ", stored)).doesNotContain("Synthétique", "Essais");
        assertThat(requests.get(id).addressee().lines())
                .containsExactly(
                        "1234, rue des Essais, app. 5", "<script>alert(1)</script>", "Montréal (Québec)  H2X 1Y6");

        var payload = String.valueOf(awaitLedgerEntry("requests.received", id).get("payload"));
        assertThat(payload).contains("\"postalAddress\":\"true\"").doesNotContain("Synthétique", "Essais", "H2X");

        mvc.perform(get("/api/v1/requests/" + id).header("Authorization", staff))
                .andExpect(jsonPath("$.addressee.name").value(NAME));
        mvc.perform(get("/api/v1/requests/" + id).header("Authorization", bearer(Role.AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.addressee").doesNotExist());
    }

    @Test
    void theLetterIsAddressedToTheNameAndPostalLinesEscapedAndWithoutThemOnceTheKeyIsDestroyed() throws Exception {
        var id = entered();
        var answer = new ResponseDraft("FULFILLED", "Bonjour.", null, List.of(), null, null);

        var html = letters.html(requests.get(id), answer, Map.of());
        assertThat(html)
                .contains("<p>Jeanne &lt;b&gt;Synthétique&lt;/b&gt;<br/>1234, rue des Essais, app. 5<br/>"
                        + "&lt;script&gt;alert(1)&lt;/script&gt;<br/>Montréal (Québec)  H2X 1Y6</p>")
                .doesNotContain("<script>", "<b>");
        assertThat(ca.gardien.shared.PdfDocuments.fromXhtml(html)).startsWith("%PDF-".getBytes());

        keys.shred(jdbc.sql("SELECT subject_key FROM requests_request WHERE id = ?")
                .param(id)
                .query(UUID.class)
                .single());
        var shredded = requests.get(id);
        assertThat(shredded.addressee()).isNull();
        var after = letters.html(shredded, answer, Map.of());
        assertThat(after).doesNotContain("Synthétique", "Essais", "H2X", "null");
        var dated = after.indexOf("</p>", after.indexOf("<h1>")) + "</p>".length();
        assertThat(after.substring(dated))
                .as("after the date comes the request's sentence, no address block")
                .startsWith("<p>Demande R-");
    }

    @Test
    void aTooLongAddressAndAControlCharacterInTheNameAreRefusedTogetherNamingTheFieldsAndNothingIsStored()
            throws Exception {
        long before = stored();
        var bad = "{\"name\": \"Jeanne\\u0007 Synthétique\", \"postalAddress\": \"%s\"}"
                .formatted("x".repeat(Addressee.MAX_POSTAL_ADDRESS + 1));
        enter(bad, null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'addressee.postalAddress')].message")
                        .value(hasItem("doit compter au plus 500 caractères")))
                .andExpect(jsonPath("$.errors[?(@.field == 'addressee.name')].message")
                        .value(hasItem("ne doit contenir ni caractères de contrôle ni marques invisibles")));
        enter(bad, "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'addressee.postalAddress')].message")
                        .value(hasItem("must be at most 500 characters")))
                .andExpect(jsonPath("$.errors[?(@.field == 'addressee.name')].message")
                        .value(hasItem("must not hold control characters or invisible marks")));
        assertThat(stored()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void anAddressThatReadsOtherwiseThanItIsStoredOrWouldRunPastAnEnvelopeIsRefused() throws Exception {
        long before = stored();
        enter("{\"name\": \"Jean \\u202eTset\", \"postalAddress\": \"Québec\\u202e QC G1A 1A1\"}", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'addressee.name')].message")
                        .value(hasItem("ne doit contenir ni caractères de contrôle ni marques invisibles")))
                .andExpect(jsonPath("$.errors[?(@.field == 'addressee.postalAddress')].message")
                        .value(hasItem("ne doit contenir ni caractères de contrôle ni marques invisibles")));
        for (var hidden : new String[] {"\\u200e", "\\u200f", "\\u061c", "\\u2060", "\\u00ad", "\\u2028"}) {
            enter("{\"name\": \"Jean" + hidden + "Tset\"}", null)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("addressee.name"));
        }
        enter("{\"name\": \"Nguy\\u1ec5n \\u0938\\u094d\\u200d\\u0930\"}", null) // joiners some scripts need
                .andExpect(status().isCreated());
        before = stored();
        enter("{\"postalAddress\": \"%s\"}".formatted("1 rue Synthétique\\n".repeat(Addressee.MAX_LINES + 1)), null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'addressee.postalAddress')].message")
                        .value(hasItem("doit tenir en au plus 8 lignes")));
        assertThat(stored()).as("nothing stored").isEqualTo(before);
    }

    @Autowired
    RequestRetention retention;

    @Test
    void theRetentionPurgeEmptiesTheNameAndAddressWithTheRequestsOtherPersonalInformation() throws Exception {
        var id = entered();
        mvc.perform(post("/api/v1/requests/" + id + "/cancel").header("Authorization", staff))
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        clock.advance(java.time.Duration.ofDays(367));
        assertThat(retention.sweep()).isGreaterThanOrEqualTo(1);

        assertThat(String.valueOf(awaitLedgerEntry("requests.purged", id).get("payload")))
                .contains("\"addressee\":\"1\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM requests_request WHERE id = ? AND addressee_name IS NULL"
                                + " AND postal_address IS NULL")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private long stored() {
        return jdbc.sql("SELECT COUNT(*) FROM requests_request")
                .query(Long.class)
                .single();
    }
}
