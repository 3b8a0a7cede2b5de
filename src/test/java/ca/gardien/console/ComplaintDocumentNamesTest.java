package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.support.WebTestSupport;
import com.jayway.jsonpath.JsonPath;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;

/**
 * The public's and the privacy officer's review: a complaint's documents downloaded under a generated name. They download
 * under the name they were uploaded under, cleaned (no folders, control characters or quotes; at most 200 characters,
 * the extension kept), as an attachment of bytes that no browser sniffs, with an ASCII {@code filename} and the exact
 * name as RFC 5987 {@code filename*}; from the console and the API alike.
 */
class ComplaintDocumentNamesTest extends WebTestSupport {

    private static final byte[] HTML = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);

    private String complaint() throws Exception {
        var body = mvc.perform(post("/api/v1/complaints")
                        .header(HttpHeaders.AUTHORIZATION, officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Camille Exemple\",\"phone\":\"+1 555 010 0199\","
                                + "\"subject\":\"Sollicitation\",\"reasons\":\"Des appels.\",\"language\":\"fr\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    /** Uploads from the console and downloads from the console and the API: both responses. */
    private List<MockHttpServletResponse> roundTrip(MockHttpSession officer, String id, String name, String type)
            throws Exception {
        mvc.perform(multipart("/console/complaints/" + id + "/documents")
                        .file(new MockMultipartFile("file", name, type, HTML))
                        .session(officer)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        var file = mvc.perform(get("/api/v1/complaints/" + id).header(HttpHeaders.AUTHORIZATION, officerBearer()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> ids = JsonPath.read(file, "$.documents[?(@.kind == 'SUPPORTING')].id");
        var document = ids.getLast();
        return List.of(
                mvc.perform(get("/console/complaints/" + id + "/documents/" + document)
                                .session(officer))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse(),
                mvc.perform(get("/api/v1/complaints/" + id + "/documents/" + document)
                                .header(HttpHeaders.AUTHORIZATION, officerBearer()))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse());
    }

    /** The exact name the {@code filename*} parameter gives, decoded. */
    private static String exactName(String disposition) {
        var encoded = disposition.substring(disposition.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
        return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Test
    void aHostileNameDownloadsCleanedAsAnAttachmentThatIsNeverSniffed() throws Exception {
        var officer = login(OFFICER, OFFICER_PASSWORD);
        var id = complaint();
        for (var response : roundTrip(officer, id, "../../a\"b\r\n.html", "text/html")) {
            var disposition = response.getHeader(HttpHeaders.CONTENT_DISPOSITION);
            assertThat(disposition)
                    .startsWith("attachment; filename=\"ab.html\"; filename*=UTF-8''ab.html")
                    .doesNotContain("/", "\\", "\r", "\n", "..");
            assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_OCTET_STREAM_VALUE);
            assertThat(response.getContentAsByteArray()).isEqualTo(HTML);
        }
        // the file page names it too, escaped
        assertThat(mvc.perform(get("/console/complaints/" + id).session(officer))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Pièce justificative — ab.html");
    }

    @Test
    void aFrenchNameKeepsItsAccentsInFilenameStarAndAnAsciiFallback() throws Exception {
        var officer = login(OFFICER, OFFICER_PASSWORD);
        var id = complaint();
        for (var response : roundTrip(officer, id, "Relevé d'appels – décembre.pdf", "application/pdf")) {
            var disposition = response.getHeader(HttpHeaders.CONTENT_DISPOSITION);
            assertThat(disposition).startsWith("attachment; filename=\"Relev_ d'appels _ d_cembre.pdf\"; filename*=");
            assertThat(exactName(disposition)).isEqualTo("Relevé d'appels – décembre.pdf");
            assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        }
    }

    @Test
    void aVeryLongNameIsShortenedToTwoHundredCharactersKeepingItsExtension() throws Exception {
        var officer = login(OFFICER, OFFICER_PASSWORD);
        var id = complaint();
        var longName = "é".repeat(500) + ".pdf";
        for (var response : roundTrip(officer, id, longName, "application/pdf")) {
            var name = exactName(response.getHeader(HttpHeaders.CONTENT_DISPOSITION));
            assertThat(name).hasSize(200).endsWith("éé.pdf").startsWith("é");
        }
    }
}
