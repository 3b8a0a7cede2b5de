package ca.gardien.governance;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

/**
 * The officer attaches the signed delegation on the console and the server records its SHA-256: no one types the
 * 64 hexadecimal characters. The page offers a file input, not a hash field.
 */
class SignedDocumentPagesTest extends GovernanceTestSupport {

    @Test
    void theAttachedDocumentsDigestIsComputedByTheServer() throws Exception {
        var session = login(OFFICER, OFFICER_PASSWORD);
        var bytes = ("Délégation signée " + unique("d")).getBytes(StandardCharsets.UTF_8);
        var digest =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        mvc.perform(get(OfficerPages.PAGE).session(session))
                .andExpect(content()
                        .string(Matchers.allOf(
                                Matchers.containsString("name=\"document\" type=\"file\""),
                                Matchers.not(Matchers.containsString("name=\"documentSha256\"")))));
        mvc.perform(multipart(OfficerPages.PAGE + "/delegations")
                        .file(new MockMultipartFile("document", "delegation.pdf", "application/pdf", bytes))
                        .param("name", "Dana Exemple")
                        .param("title", "Conseillère")
                        .param("email", "dana@example.test")
                        .param("scope", "PART")
                        .param("part", "Les plaintes")
                        .param("startsOn", "2026-02-01")
                        .session(session)
                        .with(csrf()))
                .andExpect(flash().attributeExists("done"));
        mvc.perform(get(OfficerPages.PAGE).session(session))
                .andExpect(content().string(Matchers.containsString(digest)));
    }
}
