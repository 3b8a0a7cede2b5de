package ca.gardien.requests;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.organization.Role;
import ca.gardien.shared.IdentifierKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The steps a request view offers follow the reader's roles and the request's status, as the module decides them. */
class RequestRolesTest {

    private static final LocalDate DUE = LocalDate.parse("2026-06-24");

    @Test
    void onlyThePersonInChargeOrADelegateApprovesADraftedResponse() {
        var drafted = request(RequestStatus.RESPONSE_DRAFTED, null);
        assertThat(RequestRoles.allowed(drafted, Set.of(Role.DELEGATE)).approve())
                .isTrue();
        assertThat(RequestRoles.allowed(drafted, Set.of(Role.STAFF)).approve()).isFalse();
        assertThat(RequestRoles.allowed(drafted, Set.of(Role.STAFF)).write()).isTrue();
    }

    @Test
    void auditorsAreOfferedNoStep() {
        for (var status : RequestStatus.values()) {
            var actions = RequestRoles.allowed(request(status, DUE.plusDays(30)), Set.of(Role.AUDITOR));
            assertThat(actions)
                    .isEqualTo(new RequestView.Actions(
                            false, false, false, false, false, false, false, false, Set.of(), false, false));
        }
    }

    @Test
    void staffSendApprovedResponsesCloseSentRequestsAndExtendOnlyWhenALaterDateIsAllowed() {
        var staff = Set.of(Role.STAFF);
        assertThat(RequestRoles.allowed(request(RequestStatus.APPROVED, null), staff)
                        .send())
                .isTrue();
        assertThat(RequestRoles.allowed(request(RequestStatus.SENT, null), staff)
                        .close())
                .isTrue();
        assertThat(RequestRoles.allowed(request(RequestStatus.RECEIVED, null), staff)
                        .extend())
                .isFalse();
        assertThat(RequestRoles.allowed(request(RequestStatus.RECEIVED, DUE), staff)
                        .extend())
                .isFalse();
        assertThat(RequestRoles.allowed(request(RequestStatus.RECEIVED, DUE.plusDays(30)), staff)
                        .extend())
                .isTrue();
        assertThat(RequestRoles.allowed(request(RequestStatus.RECEIVED, null), staff)
                        .proveIdentity())
                .isFalse();
        assertThat(RequestRoles.allowed(request(RequestStatus.RECEIVED, null), Set.of(Role.PRIVACY_OFFICER))
                        .proveIdentity())
                .isTrue();
    }

    @Test
    void theResponseFormIsOfferedOnlyWhenTheDraftStepWouldTakeIt() {
        var staff = Set.of(Role.STAFF);
        var working = request(RequestStatus.IN_PROGRESS, null);
        assertThat(RequestRoles.allowed(working, staff, false, false).draft())
                .as("a task is open")
                .isFalse();
        assertThat(RequestRoles.allowed(working, staff, false, true).draft()).isTrue();
        assertThat(RequestRoles.allowed(request(RequestStatus.SENT, null), staff, false, true)
                        .draft())
                .as("the response was sent")
                .isFalse();
    }

    @Test
    void aPendingProofReviewIsOfferedOnlyOnceThereIsAProofToReview() {
        var staff = Set.of(Role.STAFF);
        var unproven = sensitive(false);
        assertThat(RequestRoles.allowed(unproven, staff, false, true).reviewProof())
                .isFalse();
        assertThat(RequestRoles.allowed(unproven, staff, true, true).reviewProof())
                .isTrue(); // a letter was filed
        assertThat(RequestRoles.allowed(sensitive(true), staff, false, true).reviewProof())
                .isTrue();
        var codesOnly = sensitive(true);
        codesOnly = new RightsRequest(
                codesOnly.id(),
                codesOnly.reference(),
                codesOnly.type(),
                codesOnly.status(),
                codesOnly.jurisdiction(),
                RightsRequest.Channel.PORTAL,
                codesOnly.language(),
                null,
                null,
                null,
                null,
                RightsRequest.Review.PENDING,
                RightsRequest.Review.NOT_REQUIRED,
                codesOnly.receivedAt(),
                codesOnly.dueOn(),
                null,
                null,
                List.of(codesOnly.identifiers().getFirst()),
                null,
                null,
                0);
        assertThat(RequestRoles.allowed(codesOnly, staff, false, true).reviewProof())
                .as("an email proven by its code alone: nothing to review")
                .isFalse();
        assertThat(RequestRoles.allowed(sensitive(true), Set.of(Role.AUDITOR), true, true)
                        .reviewProof())
                .isFalse();
    }

    @Test
    void aResponseIsDraftedOnlyOnceTheTasksAreOpenAndCodesAreSentOnlyToUnprovenIdentifiersOfAReceivedRequest() {
        var staff = Set.of(Role.STAFF);
        assertThat(RequestRoles.allowed(request(RequestStatus.RECEIVED, null), staff)
                        .draft())
                .isFalse();
        for (var status : List.of(RequestStatus.IN_PROGRESS, RequestStatus.RESPONSE_DRAFTED, RequestStatus.APPROVED)) {
            assertThat(RequestRoles.allowed(request(status, null), staff).draft())
                    .as(status.name())
                    .isTrue();
        }
        assertThat(RequestRoles.allowed(sensitive(false), staff).sendCode()).containsExactly(IdentifierKind.EMAIL);
        assertThat(RequestRoles.allowed(sensitive(true), staff).sendCode()).isEmpty();
        assertThat(RequestRoles.allowed(sensitive(false), Set.of(Role.AUDITOR)).sendCode())
                .isEmpty();
    }

    @Test
    void aLetterWithANameAndAnAddressOnlyIsProvenByTheOfficersCheckOfThePersonAndAnsweredByHand() {
        var letter = paper(RequestStatus.RECEIVED, null);
        assertThat(letter.identityProven())
                .as("no identifier proves nothing by itself")
                .isFalse();
        assertThat(letter.nextStep()).isEqualTo("person-check");
        var officer = RequestRoles.allowed(letter, Set.of(Role.PRIVACY_OFFICER), true, true);
        assertThat(officer.proveIdentity()).isTrue();
        assertThat(officer.sendCode()).as("no code to send, nor to send again").isEmpty();
        assertThat(RequestRoles.allowed(letter, Set.of(Role.STAFF)).proveIdentity())
                .isFalse();

        var checked = new StaffProof(StaffProof.Basis.IN_PERSON_ID_CHECK, "Permis vu", Instant.EPOCH, "officer");
        assertThat(paper(RequestStatus.RECEIVED, checked).identityProven()).isTrue();
        assertThat(paper(RequestStatus.RECEIVED, checked).nextStep()).isEqualTo("processing");
        var approved = paper(RequestStatus.APPROVED, checked);
        assertThat(approved.linkTo()).isNull();
        assertThat(RequestRoles.allowed(approved, Set.of(Role.STAFF)).takeAnswer())
                .as("the answer goes by post, from the package the page gives")
                .isTrue();
    }

    /** A letter entered by staff with the person's name and postal address, and no identifier. */
    private static RightsRequest paper(RequestStatus status, StaffProof personProof) {
        var r = request(status, null);
        return new RightsRequest(
                r.id(),
                r.reference(),
                r.type(),
                status,
                r.jurisdiction(),
                RightsRequest.Channel.MAIL,
                r.language(),
                null,
                null,
                new Addressee("Jeanne Synthétique", "1 rue des Essais\nMontréal"),
                null,
                RightsRequest.Review.NOT_REQUIRED,
                RightsRequest.Review.NOT_REQUIRED,
                r.receivedAt(),
                r.dueOn(),
                null,
                null,
                List.of(),
                personProof,
                null,
                0);
    }

    /** A received request whose scope holds sensitive information, with an email and a customer number. */
    private static RightsRequest sensitive(boolean emailVerified) {
        var r = request(RequestStatus.RECEIVED, null);
        var identifiers = List.of(
                new RightsRequest.IdentifierState(
                        IdentifierKind.EMAIL, "a@example.test", emailVerified, null, false, null),
                new RightsRequest.IdentifierState(
                        IdentifierKind.CUSTOMER,
                        "C-1",
                        emailVerified,
                        null,
                        false,
                        emailVerified // a customer number is proven by staff, on a basis
                                ? new StaffProof(
                                        StaffProof.Basis.CUSTOMER_RECORD_MATCH, "In the file", Instant.EPOCH, "staff")
                                : null));
        return new RightsRequest(
                r.id(),
                r.reference(),
                r.type(),
                r.status(),
                r.jurisdiction(),
                r.channel(),
                r.language(),
                null,
                null,
                null,
                null,
                RightsRequest.Review.PENDING,
                RightsRequest.Review.NOT_REQUIRED,
                r.receivedAt(),
                r.dueOn(),
                null,
                null,
                identifiers,
                null,
                null,
                0);
    }

    private static RightsRequest request(RequestStatus status, LocalDate extendedDueOn) {
        return new RightsRequest(
                UUID.randomUUID(),
                "R-2026-00001",
                RequestType.ACCESS,
                status,
                "QC",
                RightsRequest.Channel.API,
                "fr",
                null,
                null,
                null,
                null,
                RightsRequest.Review.NOT_REQUIRED,
                RightsRequest.Review.NOT_REQUIRED,
                Instant.parse("2026-05-25T12:00:00Z"),
                DUE,
                extendedDueOn,
                null,
                List.of(),
                null,
                null,
                0);
    }
}
