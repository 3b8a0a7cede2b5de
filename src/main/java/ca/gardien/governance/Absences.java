package ca.gardien.governance;

import ca.gardien.ledger.Evidence;
import ca.gardien.mail.Message;
import ca.gardien.mail.Outbox;
import ca.gardien.organization.AccountViews;
import ca.gardien.organization.Organization;
import ca.gardien.organization.Role;
import ca.gardien.shared.Language;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records an absence of the person in charge (s. 3.1), during which the designated substitute acts and may approve the
 * policies. The person in charge or a delegate records one — never the designated substitute, the account it would
 * empower (attacker's review: the substitute recorded a one-day absence, then approved and published a policy alone);
 * such a call is refused (403, {@code governance.absence-refused}) and an absence the substitute recorded before being
 * designated does not let them act either ({@link OfficerRecords#absenceFor}). An absence a delegate records is told at
 * once to the person in charge, who may end it ({@link RecordEnds}): an internal notice to each privacy officer's
 * account and an email to the person in charge's address in the organization profile, through the outbox in the same
 * transaction, with a {@code governance.absence-notice-queued} fact. Each notice is in its reader's language (attacker's
 * review: always French): an account's, the one it chose last, else French; the email's, French, Gardien's default
 * (the profile names a person, not an account, and there is no organization-wide language setting). A delegate records
 * an absence only as long as {@link AbsencePeriods} allows.
 */
@Service
class Absences {

    private final ActingOfficer officer;
    private final OfficerRecords records;
    private final AccountViews accounts;
    private final Organization organization;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Absences(
            ActingOfficer officer,
            OfficerRecords records,
            AccountViews accounts,
            Organization organization,
            Outbox outbox,
            ApplicationEventPublisher events,
            Clock clock) {
        this.officer = officer;
        this.records = records;
        this.accounts = accounts;
        this.organization = organization;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    /** Records the absence the caller sends, once the caller may; the person in charge is told of a delegate's. */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    OfficerRecord record(ActingOfficer.NewRecord body, GovernanceCaller caller) {
        caller.requireWriter();
        var all = records.all();
        if (!caller.inCharge() && officer.designatedSubstitute(caller, all)) {
            var substitute = OfficerRecords.substitute(all).orElseThrow();
            events.publishEvent(Evidence.of(
                    clock.instant(),
                    caller.actor(),
                    "governance.absence-refused",
                    "officer-record",
                    substitute.id(),
                    Map.of("reason", "substitute")));
            throw new AccessDeniedException("governance.absence");
        }
        var saved = officer.record(OfficerRecord.Kind.ABSENCE, body, caller);
        if (!caller.inCharge()) {
            tell(saved, caller);
        }
        return saved;
    }

    /** Whether the caller may record an absence: a writer who is not the designated substitute, as the page asks. */
    boolean mayRecord(GovernanceCaller caller, List<OfficerRecord> all) {
        return caller.inCharge() || (caller.writes() && !officer.designatedSubstitute(caller, all));
    }

    private void tell(OfficerRecord absence, GovernanceCaller caller) {
        var arguments = List.of(absence.startsOn().toString(), absence.endsOn().toString());
        var officers = accounts.active(Role.PRIVACY_OFFICER);
        for (var account : officers) {
            var locale = accounts.preferredLocale(account.id())
                    .flatMap(Language::byCode)
                    .orElse(Language.FRENCH)
                    .locale();
            outbox.queue(message(Message.Channel.INTERNAL, "account:" + account.id(), locale, arguments, absence));
        }
        var email = organization.profile().map(p -> p.personInCharge().email()).orElse(null);
        var emailed = email != null && !email.isBlank();
        if (emailed) {
            outbox.queue(message(Message.Channel.EMAIL, email, Language.FRENCH.locale(), arguments, absence));
        }
        events.publishEvent(Evidence.of(
                clock.instant(),
                caller.actor(),
                "governance.absence-notice-queued",
                "officer-record",
                absence.id(),
                Map.of("accounts", String.valueOf(officers.size()), "email", String.valueOf(emailed))));
    }

    private static Message message(
            Message.Channel channel,
            String to,
            java.util.Locale locale,
            List<String> arguments,
            OfficerRecord absence) {
        return new Message(
                channel,
                to,
                "governance.absence-recorded",
                locale,
                arguments,
                "officer-record",
                absence.id().toString());
    }
}
