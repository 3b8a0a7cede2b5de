package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.requests.RequestNotes;
import ca.gardien.support.RawHttp.Answer;
import ca.gardien.support.WebTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The attacker's review of 21b4984, on a real Tomcat (MockMvc never parses a multipart body): a multipart body whose
 * part has a NUL in its file name, a malformed RFC 5987 {@code filename*} or headers over Tomcat's part-header cap was a
 * 500 with a stack trace, from anyone, before any sign-in; now a 400 that says why, as a problem or the Gardien page,
 * and a WARN line without the file name. A JSON body over its cap is a problem whatever {@code Accept} says.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnreadableBodiesTest extends RealTomcatEdge {

    private static final List<String> PUBLIC_POSTS =
            List.of("/privacy/requests", "/privacy/complaints", "/login", "/consent/choices", "/requests/download/abc");
    private static final String NUL_NAME = "filename=\"a\0b.pdf\"";
    private static final String BAD_RFC_5987 = "filename=\"x\"; filename*=UTF-8''evil.html\"";
    private static final String LONG_NAME = "filename=\"" + "文".repeat(1400) + ".pdf\"";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    RequestNotes notes;

    /** A multipart body of one file part with the given file name parameters, after the given fields. */
    private static byte[] multipart(String fileName, String... fields) {
        var body = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            body.append("--b\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n"
                    .formatted(fields[i], fields[i + 1]));
        }
        body.append("--b\r\nContent-Disposition: form-data; name=\"file\"; ")
                .append(fileName)
                .append("\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--b--\r\n");
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Answer post(String path, byte[] body, String... headers) throws Exception {
        var all = new ArrayList<>(List.of(headers));
        all.add("Content-Length: " + body.length);
        if (all.stream().noneMatch(h -> h.startsWith("Content-Type:"))) {
            all.add("Content-Type: multipart/form-data; boundary=b");
        }
        return http.send("POST", path, all, out -> out.write(body));
    }

    private static org.assertj.core.api.AbstractStringAssert<?> assertPage(
            Answer answer, int status, String lead, String... sentences) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("text/html");
        return assertThat(answer.body())
                .contains("<html lang=\"" + lead + "\">")
                .contains("/css/gardien.css")
                .contains(sentences)
                .doesNotContain("Tomcat")
                .doesNotContain("HTTP Status");
    }

    private static void assertQuietLog(CapturedOutput output) {
        assertThat(output.getAll())
                .doesNotContain(" ERROR ")
                .doesNotContain("\tat org.")
                .doesNotContain("a\\0b.pdf")
                .doesNotContain("evil.html")
                .doesNotContain("文文文");
        assertThat(output.getAll()).contains("WARN").contains("Refused a request body that cannot be read");
    }

    @Test
    void answersAFileNameWithANulWith400FromAnyoneBeforeSignIn(CapturedOutput output) throws Exception {
        for (var path : PUBLIC_POSTS) {
            assertPage(
                    post(path, multipart(NUL_NAME), "Accept: text/html"),
                    400,
                    "fr",
                    "Le formulaire envoyé n’a pas pu être lu",
                    "The form sent could not be read");
            assertProblem(post(path, multipart(NUL_NAME), "Accept: application/json"), 400, "malformed-request");
        }
        var api = post("/api/v1/requests/" + UUID.randomUUID() + "/documents", multipart(NUL_NAME), bearer);
        assertProblem(api, 400, "malformed-request");
        assertThat(api.body()).contains("n’a pas pu être lu");

        assertQuietLog(output);
    }

    @Test
    void answersAMalformedRfc5987FileNameWith400OnExemptPathsAndForStaff(CapturedOutput output) throws Exception {
        for (var path : List.of("/consent/choices", "/requests/download/abc")) {
            assertPage(post(path, multipart(BAD_RFC_5987), "Accept: */*"), 400, "fr", "pas pu être lu");
        }
        var session = signIn();
        var attachments = "/console/requests/" + UUID.randomUUID() + "/attachments";
        assertPage(
                post(
                        attachments,
                        multipart(BAD_RFC_5987, "_csrf", session.csrf()),
                        session.cookie(),
                        "Accept-Language: en"),
                400,
                "en",
                "The form sent could not be read");
        assertProblem(
                post("/api/v1/requests/" + UUID.randomUUID() + "/documents", multipart(BAD_RFC_5987), bearer),
                400,
                "malformed-request");

        assertQuietLog(output);
    }

    @Test
    void saysTheFileNameIsTooLongWhenAPartsHeadersAreOverTheCap(CapturedOutput output) throws Exception {
        assertPage(
                post("/privacy/requests", multipart(LONG_NAME), "Accept: text/html"),
                400,
                "fr",
                "Le nom d’un fichier joint est trop long",
                "An attached file&#39;s name is too long");
        var english = post("/consent/choices", multipart(LONG_NAME), "Accept: application/json", "Accept-Language: en");
        assertProblem(english, 400, "malformed-request");
        assertThat(english.body())
                .contains("file's name is too long")
                .contains("4096 bytes")
                .contains("\"limit\":4096");

        assertQuietLog(output);
    }

    @Test
    void saysTooManyFieldsWhenAFormHasMorePartsThanAllowedHoweverSmall() throws Exception {
        var fields = new String[2 * 60];
        for (int i = 0; i < 60; i++) {
            fields[2 * i] = "x" + i;
            fields[2 * i + 1] = "y";
        }
        var body = multipart("filename=\"a.pdf\"", fields); // 61 parts in about 5 KB
        assertPage(
                        post("/privacy/requests", body, "Accept: text/html"),
                        413,
                        "fr",
                        "Le formulaire envoyé compte trop de champs et de fichiers",
                        "The form sent has too many fields and files")
                .doesNotContain("dépasse la limite");
        var english = post("/consent/choices", body, "Accept: application/json", "Accept-Language: en");
        assertProblem(english, 413, "payload-too-large");
        assertThat(english.body()).contains("too many fields and files: at most 50 parts");
    }

    @Test
    void answersAJsonBodyOverItsCapWithAProblemWhateverAcceptSays() throws Exception {
        var big = ("{\"code\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        for (var path : List.of("/requests/" + UUID.randomUUID() + "/verify", "/consent/choices")) {
            var answer = post(path, big, "Content-Type: application/json", "Accept: */*");
            assertProblem(answer, 413, "payload-too-large");
            assertThat(answer.body()).contains("1 MB");
        }
        assertPage(
                post("/privacy/requests", big, "Content-Type: application/x-www-form-urlencoded", "Accept: */*"),
                413,
                "fr",
                "Le contenu envoyé dépasse la limite de 1 MB.");
    }

    @Test
    void answersABadDownloadAddressWithAPageInTheCallersLanguage() throws Exception {
        for (var bad : List.of("a%2Fb", "a%00b", "%C0%AE%C0%AE")) {
            assertPage(
                    http.get("/requests/download/" + bad, "Accept: */*", "Accept-Language: en-CA,fr;q=0.5"),
                    400,
                    "en",
                    "The request is malformed",
                    "La requête est mal formée");
            assertPage(http.get("/requests/download/" + bad, "Accept: */*"), 400, "fr", "La requête est mal formée");
        }
    }

    /** The multipart body is read once, ahead of the security filters: the CSRF field and the files still arrive. */
    @Test
    void stillTakesAWellFormedUploadWithAnRfc5987FileName() throws Exception {
        var request = "{\"type\":\"ACCESS\",\"subject\":{\"customerNumber\":\"C-1\"},\"jurisdiction\":\"QC\","
                + "\"channel\":\"MAIL\"}";
        var entered = post(
                "/api/v1/requests/officer-entry",
                officerEntry(request, "filename=\"lettre.pdf\"; filename*=UTF-8''lettre-re%C3%A7ue.pdf"),
                bearer);
        assertThat(entered.status()).isEqualTo(201);
        var id = UUID.fromString(entered.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));

        var session = signIn();
        var attached = post(
                "/console/requests/" + id + "/attachments",
                multipart("filename*=UTF-8''relev%C3%A9.pdf", "_csrf", session.csrf()),
                session.cookie());

        assertThat(attached.status()).isEqualTo(302);
        assertThat(notes.files(id))
                .extracting(RequestNotes.Attachment::fileName)
                .contains("relevé.pdf");

        // a name of 196 Chinese characters, as a browser sends it (filename and filename*): over Tomcat's 512 bytes
        var chinese = "文".repeat(196) + ".pdf";
        var encoded = java.net.URLEncoder.encode(chinese, StandardCharsets.UTF_8);
        var longName = post(
                "/console/requests/" + id + "/attachments",
                multipart("filename=\"" + chinese + "\"; filename*=UTF-8''" + encoded, "_csrf", session.csrf()),
                session.cookie());
        assertThat(longName.status()).isEqualTo(302);
        assertThat(notes.files(id))
                .extracting(RequestNotes.Attachment::fileName)
                .contains(chinese);
    }

    private static byte[] officerEntry(String json, String letterName) {
        return ("--b\r\nContent-Disposition: form-data; name=\"request\"\r\nContent-Type: application/json\r\n\r\n"
                        + json + "\r\n--b\r\nContent-Disposition: form-data; name=\"letter\"; " + letterName
                        + "\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--b--\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private record Session(String cookie, String csrf) {}

    private Session signIn() throws Exception {
        var page = http.get("/login");
        var cookie = "Cookie: " + jsession(page);
        var form = ("username=" + WebTestSupport.OFFICER + "&password=" + WebTestSupport.OFFICER_PASSWORD + "&_csrf="
                        + csrf(page))
                .getBytes(StandardCharsets.US_ASCII);
        var signedIn = post("/login", form, cookie, "Content-Type: application/x-www-form-urlencoded");
        assertThat(signedIn.status()).isEqualTo(302);
        var signedInCookie = "Cookie: " + jsession(signedIn);
        return new Session(signedInCookie, csrf(http.get("/console", signedInCookie)));
    }

    private static String jsession(Answer answer) {
        return answer.header("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow()
                .split(";")[0];
    }

    private static String csrf(Answer page) {
        var matcher = CSRF.matcher(page.body());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
