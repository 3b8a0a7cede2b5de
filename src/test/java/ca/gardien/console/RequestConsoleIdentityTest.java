package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.requests.RequestStatus;
import ca.gardien.shared.IdentifierKind;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 on the console's request page: identifiers in clear for those who work requests and masked for auditors
 * (finding L1), and the identity proofs staff may record (finding M1).
 */
class RequestConsoleIdentityTest extends RequestConsoleSupport {

    @Test
    void auditorsSeeMaskedIdentifiersWhileDelegatesSeeThemInClearAndRecordAnInPersonCheck() throws Exception {
        var id = received("ACCESS");
        var email = requests.get(id).identifiers().stream()
                .filter(i -> i.kind() == IdentifierKind.EMAIL)
                .findFirst()
                .orElseThrow()
                .value();
        var customer = "C-" + email.substring("console-".length(), email.indexOf('@'));

        var auditor = page("/console/requests/" + id, session(Role.AUDITOR));
        assertThat(auditor)
                .contains("c•••@example.test")
                .contains("C•••")
                .doesNotContain(email)
                .doesNotContain(customer)
                .doesNotContain("id=\"confirm-customer\"")
                .doesNotContain("id=\"prove-person\"");

        var delegate = session(Role.DELEGATE);
        assertThat(page("/console/requests/" + id, delegate))
                .contains(email)
                .contains(customer)
                .contains("id=\"confirm-customer\"")
                .contains("id=\"prove-person\"");
        var staff = session(Role.STAFF);
        assertThat(page("/console/requests/" + id, staff))
                .contains(email)
                .contains("id=\"confirm-customer\"")
                .doesNotContain("id=\"prove-person\"");
        mvc.perform(post("/console/requests/" + id + "/identity-proof")
                        .session(staff)
                        .with(csrf())
                        .param("basis", "IN_PERSON_ID_CHECK")
                        .param("reason", "Passport seen"))
                .andExpect(status().isForbidden());

        assertThat(refusal(delegate, id, "/identity-proof", "basis", "IN_PERSON_ID_CHECK"))
                .startsWith("Ce qui a été vérifié : "); // the field named by its label on the page
        act(delegate, id, "/identity-proof", "basis", "IN_PERSON_ID_CHECK", "reason", "Passport seen at the desk");
        var proven = requests.get(id);
        assertThat(proven.status()).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(proven.identifiers()).noneMatch(i -> i.verified()); // the email still needs its code
        assertThat(page("/console/requests/" + id, delegate))
                .contains("id=\"person-proof\"")
                .contains("Passport seen at the desk");
        assertThat(page("/console/requests/" + id, session(Role.AUDITOR)))
                .contains("id=\"person-proof\"")
                .doesNotContain("Passport seen at the desk");
    }
}
