package ca.gardien.complaints;

import static ca.gardien.complaints.FieldTexts.text;

import ca.gardien.mail.Message;
import ca.gardien.mail.Outbox;
import ca.gardien.shared.Actor;
import ca.gardien.shared.DateRange;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.Language;
import ca.gardien.shared.RateLimitedException;
import ca.gardien.shared.RateLimits;
import ca.gardien.shared.References;
import ca.gardien.shared.SubjectIdentifier;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;

/**
 * Intake of complaints: through the portal (today, acknowledged by email) and entered by staff or the API (the
 * received date, the channel); the clock starts at receipt. The facts carry dates and ids, never the complainant's data.
 * The acknowledgement says the reference and the days, never what the complainant typed, and the portal sends at most
 * {@code gardien.complaints.limits.acknowledgements-per-recipient} to one address: the public form cannot be used to
 * send the organization's mail, with words of one's choosing, to someone else.
 */
@org.springframework.stereotype.Component
class ComplaintIntake {

    private static final Pattern PHONE = Pattern.compile("[+]?[0-9 ().-]{7,30}");

    /** The channels of a complaint entered by staff or sent through the API: the portal files its own. */
    private static final Complaint.Channel[] ENTERED = {
        Complaint.Channel.API, Complaint.Channel.MAIL, Complaint.Channel.EMAIL, Complaint.Channel.PHONE
    };

    /** How far back a received day may lie, as for a request's ({@code requests.ReceivedDay}). */
    static final java.time.Period OLDEST = java.time.Period.ofYears(2);

    static final String ACKNOWLEDGEMENT_LIMIT = "complaints.acknowledgements-per-recipient";

    private final ComplaintFiles files;
    private final ComplaintStore store;
    private final ComplaintClock clock;
    private final ComplaintLetters letters;
    private final Outbox outbox;
    private final References references;
    private final Clock instants;
    private final RateLimits limits;
    private final RateLimits.Quota acknowledgements;

    ComplaintIntake(
            ComplaintFiles files,
            ComplaintStore store,
            ComplaintClock clock,
            ComplaintLetters letters,
            Outbox outbox,
            References references,
            Clock instants,
            RateLimits limits,
            @Value("${gardien.complaints.limits.acknowledgements-per-recipient:3/1d}") String acknowledgements) {
        this.limits = limits;
        this.acknowledgements = RateLimits.Quota.of(acknowledgements);
        this.files = files;
        this.store = store;
        this.clock = clock;
        this.letters = letters;
        this.outbox = outbox;
        this.references = references;
        this.instants = instants;
    }

    /** A complaint received through the public portal: today, no link, acknowledged by email. */
    Complaint receiveFromPortal(NewComplaint complaint) {
        var bare = new NewComplaint(
                complaint.name(),
                complaint.email(),
                complaint.phone(),
                complaint.subject(),
                complaint.reasons(),
                null,
                complaint.language(),
                null,
                null);
        return receive(bare, Complaint.Channel.PORTAL, Actor.SYSTEM);
    }

    /** A complaint entered by staff (received by mail, email or phone) or sent through the API. */
    ComplaintView enter(NewComplaint complaint, ComplaintCaller caller) {
        if (!caller.receives()) {
            throw new AccessDeniedException("complaints");
        }
        var channel = complaint.channel() == null || complaint.channel().isBlank()
                ? Complaint.Channel.API
                : ComplaintFiles.enumValue(Complaint.Channel.class, "channel", complaint.channel());
        if (channel
                == Complaint.Channel.PORTAL) { // the portal's own form files those, with its checks (attacker's review)
            throw new InvalidInputException("channel", "shared.field.one-of", List.of(ENTERED));
        }
        var saved = receive(complaint, channel, caller.actor());
        if (!caller.decides() && caller.accountId().isPresent()) {
            // staff who enter a complaint work it: the file is assigned to them until the person in charge decides
            saved = files.save(
                    ComplaintFiles.with(
                            saved,
                            ComplaintStatus.OPEN,
                            saved.dueOn(),
                            null,
                            null,
                            caller.accountId().get()),
                    "assigned",
                    Map.of(),
                    caller.actor(),
                    null);
        }
        return files.view(saved);
    }

    private Complaint receive(NewComplaint in, Complaint.Channel channel, Actor actor) {
        var errors = new ArrayList<FieldError>();
        var name = text(in.name(), "name", 200, true, errors);
        var typed = text(in.email(), "email", 320, channel == Complaint.Channel.PORTAL, errors);
        var email = typed == null ? null : SubjectIdentifier.normalizedEmail(typed);
        if (typed != null && email == null) {
            errors.add(FieldError.of("email", "complaints.field.email"));
        }
        // section 12 of the policy asks every complainant for contact details "including a telephone number"; a letter
        // received by post may give none: its answer is posted to the address the letter gives (ComplaintAddress)
        var phone = text(in.phone(), "phone", 30, false, errors);
        if ((in.phone() == null || in.phone().isBlank()) && !ComplaintAddress.phoneOptional(channel)) {
            errors.add(FieldError.of("phone", "complaints.field.phone-required"));
        }
        if (phone != null && !PHONE.matcher(phone).matches()) {
            errors.add(FieldError.of("phone", "complaints.field.phone"));
        }
        var address = ComplaintAddress.of(in.postalAddress(), errors);
        ComplaintAddress.requireReachable(channel, in, errors);
        var subject = text(in.subject(), "subject", 200, true, errors);
        var reasons = FieldTexts.prose(in.reasons(), "reasons", ComplaintFiles.MAX_TEXT, true, errors);
        var language = in.language() == null || in.language().isBlank()
                ? "fr"
                : in.language().strip();
        if (Language.byCode(language).isEmpty()) {
            errors.add(FieldError.of("language", "shared.field.language"));
        }
        var today = clock.today();
        LocalDate receivedOn = today;
        if (in.receivedOn() != null && !in.receivedOn().isBlank()) {
            receivedOn = DateRange.day(in.receivedOn());
            if (receivedOn == null) {
                errors.add(DateRange.outside("receivedOn"));
            } else if (receivedOn.isAfter(today)) {
                errors.add(FieldError.of("receivedOn", "shared.field.not-future"));
            } else if (receivedOn.isBefore(today.minus(OLDEST))) { // a typing error: its answer would be long overdue
                errors.add(FieldError.of(
                        "receivedOn",
                        "complaints.field.received-on-too-old",
                        today.minus(OLDEST).toString()));
            }
        }
        UUID requestId = files.request(in.requestId(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        boolean refused = requestId != null && files.concernsRefusal(email, phone, requestId, false);
        var complaint = new Complaint(
                UUID.randomUUID(),
                references.next("C", "complaints_reference_seq", receivedOn.getYear()),
                ComplaintStatus.OPEN,
                channel,
                language,
                name,
                email,
                phone,
                address,
                subject,
                reasons,
                receivedOn,
                instants.instant(),
                clock.dueFrom(receivedOn),
                null,
                null,
                null,
                requestId,
                refused,
                null,
                0);
        store.insert(complaint);
        var payload = new HashMap<String, String>();
        payload.put("reference", complaint.reference());
        payload.put("channel", channel.name());
        payload.put("language", language);
        payload.put("receivedOn", receivedOn.toString());
        payload.put("dueOn", complaint.dueOn().toString());
        if (requestId != null) {
            payload.put("requestId", requestId.toString());
        }
        files.fact("received", complaint.id(), actor, payload);
        store.step(complaint.id(), "received", null, actor, instants.instant());
        if (email != null) {
            acknowledge(complaint, actor);
        }
        return complaint;
    }

    /**
     * Emails the acknowledgement: the reference and the days only. Beyond the portal's quota for the address, the
     * complaint stays filed and its timeline says that no acknowledgement was sent.
     */
    private void acknowledge(Complaint complaint, Actor actor) {
        if (complaint.channel() == Complaint.Channel.PORTAL) {
            try {
                limits.consume(ACKNOWLEDGEMENT_LIMIT, acknowledgements, complaint.email());
            } catch (RateLimitedException e) {
                store.step(complaint.id(), "acknowledgement-withheld", null, actor, instants.instant());
                files.fact("acknowledgement-withheld", complaint.id(), actor, Map.of("by", "EMAIL"));
                return;
            }
        }
        var locale = ComplaintFiles.locale(complaint);
        outbox.queue(new Message(
                Message.Channel.EMAIL,
                complaint.email(),
                "complaint-received",
                locale,
                List.of(
                        complaint.reference(),
                        letters.day(complaint.receivedOn(), locale),
                        letters.day(complaint.dueOn(), locale)),
                "complaint",
                complaint.id().toString(),
                true));
        files.fact("acknowledged", complaint.id(), actor, Map.of("by", "EMAIL"));
    }
}
