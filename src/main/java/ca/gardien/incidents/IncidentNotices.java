package ca.gardien.incidents;

import ca.gardien.shared.Actor;
import ca.gardien.shared.Digests;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.NotFoundException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notices of an entry: their transmission dates in the register (item 7), the measures suggested to the persons,
 * and the documents themselves (printable XHTML and PDF, French and English). Every change is a ledger fact holding
 * the digests of the documents dated, never their text.
 */
@Service
@org.springframework.modulith.NamedInterface("actions")
public class IncidentNotices {

    private final Incidents incidents;
    private final IncidentStore store;
    private final IncidentFacts facts;
    private final IncidentChecks checks;
    private final NoticeDocuments documents;
    private final IncidentPersonStore persons;
    private final NoticeContent content;
    private final IncidentDeliveries deliveries;
    private final CommissionSupplements supplements;

    IncidentNotices(
            Incidents incidents,
            IncidentStore store,
            IncidentFacts facts,
            IncidentChecks checks,
            NoticeDocuments documents,
            IncidentPersonStore persons,
            NoticeContent content,
            IncidentDeliveries deliveries,
            CommissionSupplements supplements) {
        this.supplements = supplements;
        this.deliveries = deliveries;
        this.persons = persons;
        this.content = content;
        this.incidents = incidents;
        this.store = store;
        this.facts = facts;
        this.checks = checks;
        this.documents = documents;
    }

    /**
     * Changes the notices from those recorded, the entry's row held meanwhile: the API leaves a field it omits as it is
     * (attacker's review: a body without {@code personsNoticeOn} erased the date a recorded transmission had set).
     */
    @Transactional
    public Incident date(UUID id, java.util.function.UnaryOperator<NoticeDates> change, Actor actor) {
        persons.lockEntry(id);
        var current = incidents.open(id);
        return date(current, change.apply(current.notices()), actor);
    }

    @Transactional
    public Incident date(UUID id, NoticeDates dates, Actor actor) {
        return date(incidents.open(id), dates, actor);
    }

    private Incident date(Incident current, NoticeDates dates, Actor actor) {
        var id = current.id();
        var errors = new ArrayList<FieldError>();
        var today = checks.today();
        var aware = checks.day(current.awareAt());
        for (var entry : Map.of(
                        "caiNoticeOn",
                        dates.caiNoticeOn() == null ? LocalDate.MIN : dates.caiNoticeOn(),
                        "personsNoticeOn",
                        dates.personsNoticeOn() == null ? LocalDate.MIN : dates.personsNoticeOn())
                .entrySet()) {
            var date = entry.getValue();
            if (date.equals(LocalDate.MIN)) {
                continue;
            }
            if (date.isAfter(today)) {
                errors.add(FieldError.of(entry.getKey(), "incidents.invalid.future"));
            } else if (date.isBefore(aware)) {
                errors.add(FieldError.of(entry.getKey(), "incidents.invalid.before-awareness"));
            }
        }
        if (!Objects.equals(dates.caiNoticeOn(), current.caiNoticeOn())) {
            supplements.firstNoticeRefused(id, dates.caiNoticeOn()).ifPresent(errors::add);
        }
        if (!Objects.equals(dates.personsNoticeOn(), current.personsNoticeOn())) {
            boolean transmitted = !persons.transmitted(id).isEmpty();
            if (transmitted && dates.personsNoticeOn() == null) {
                // a transmission recorded dated the notice: its date may be corrected, not removed (the register
                // would say "unsent" of notices recorded as transmitted)
                errors.add(FieldError.of("personsNoticeOn", "incidents.invalid.persons-notice-transmitted"));
            } else if (!transmitted && queuedNoneLeft(deliveries.all(id))) {
                errors.add(FieldError.of("personsNoticeOn", "incidents.invalid.persons-notice-waits"));
            }
        }
        boolean publicNotice = Boolean.TRUE.equals(dates.publicNotice());
        RiskAssessment.text(errors, "publicNoticeReason", dates.publicNoticeReason(), publicNotice);
        RiskAssessment.text(errors, "noNoticeReason", dates.noNoticeReason(), false);
        RiskAssessment.text(errors, "otherAuthorities", dates.otherAuthorities(), false);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var changed = current.withNotices(new NoticeDates(
                dates.caiNoticeOn(),
                dates.personsNoticeOn(),
                publicNotice,
                publicNotice ? dates.publicNoticeReason().strip() : null,
                RiskAssessment.blankToNull(dates.noNoticeReason()),
                RiskAssessment.blankToNull(dates.otherAuthorities())));
        store.update(changed);
        var payload = new LinkedHashMap<String, String>();
        payload.put("caiNoticeOn", Objects.toString(dates.caiNoticeOn(), "none"));
        payload.put("personsNoticeOn", Objects.toString(dates.personsNoticeOn(), "none"));
        payload.put("publicNotice", String.valueOf(publicNotice));
        payload.put("noNoticeReason", String.valueOf(changed.noNoticeReason() != null));
        payload.put("otherAuthorities", String.valueOf(changed.otherAuthorities() != null));
        var advice = store.personAdvice(id).orElse(null);
        if (dates.caiNoticeOn() != null) {
            digests(payload, "caiNotice", NoticeDocuments.Kind.COMMISSION, changed, advice);
        }
        if (dates.personsNoticeOn() != null) {
            digests(payload, "personsNotice", NoticeDocuments.Kind.PERSONS, changed, advice);
        }
        facts.record("notices-dated", id, actor, payload);
        return incidents.get(id);
    }

    /**
     * Dates the persons' notice in the register ({@code on}) unless it is dated already: the day its messages left
     * through the mail server, or the day the officer records it was transmitted otherwise. A closed entry is a 409
     * ({@link PersonsNoticeSent} lets it be).
     */
    void datePersons(UUID id, LocalDate on, Actor actor) {
        var incident = incidents.open(id);
        if (incident.personsNoticeOn() == null) {
            var d = incident.notices();
            date(
                    incident,
                    new NoticeDates(
                            d.caiNoticeOn(),
                            on,
                            d.publicNotice(),
                            d.publicNoticeReason(),
                            d.noNoticeReason(),
                            d.otherAuthorities()),
                    actor);
        }
    }

    /**
     * Whether the persons' notices queued through Gardien have not left yet — none sent, one still stored, and no
     * transmission recorded otherwise: their date then comes from the sending or from that record, never typed.
     */
    @Transactional(readOnly = true)
    public boolean personsNoticeWaits(UUID id) {
        return personsNoticeWaits(deliveries.all(id), persons.transmitted(id));
    }

    /** {@link #personsNoticeWaits(UUID)} of what a page already read (as {@link IncidentDeliveries#counts(List)}). */
    public static boolean personsNoticeWaits(
            List<IncidentDeliveries.Delivery> delivered, List<PersonsTransmissions.Transmitted> transmitted) {
        return transmitted.isEmpty() && queuedNoneLeft(delivered);
    }

    /** One of the persons' notices still stored in the outbox, none sent (nor bounced, which was sent). */
    private static boolean queuedNoneLeft(List<IncidentDeliveries.Delivery> delivered) {
        return delivered.stream().anyMatch(d -> "STORED".equals(d.status()))
                && delivered.stream().noneMatch(d -> "SENT".equals(d.status()) || "BOUNCED".equals(d.status()));
    }

    /** Records the measures suggested to the persons (item 5 of their notice). */
    @Transactional
    public Incident advise(UUID id, String advice, Actor actor) {
        var current = incidents.open(id);
        var errors = new ArrayList<FieldError>();
        RiskAssessment.text(errors, "advice", advice, true);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        store.setPersonAdvice(id, current.version(), advice.strip());
        facts.record("advice-recorded", id, actor, Map.of("adviceSha256", Digests.sha256Hex(advice.strip())));
        return incidents.get(id);
    }

    @Transactional(readOnly = true)
    public String personAdvice(UUID id) {
        return store.personAdvice(id).orElse(null);
    }

    /** What the notice ({@code commission} or {@code persons}) lacks of its content, of the entry and advice read. */
    public List<FieldError> missing(Incident incident, String advice, String which) {
        return content.missing(kind(which), incident, advice);
    }

    /** Refuses, naming each, while the persons' notice lacks content the regulation requires (Reg. s. 5). */
    void requireSendable(Incident incident, String advice) {
        var missing = content.missing(NoticeDocuments.Kind.PERSONS, incident, advice);
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing);
        }
    }

    /** The notice as printable XHTML in the given language. */
    @Transactional(readOnly = true)
    public String html(UUID id, String which, Locale locale) {
        return documents.html(kind(which), incidents.get(id), personAdvice(id), locale);
    }

    /** The notice's fields for the console's preview, in the given language. */
    @Transactional(readOnly = true)
    public NoticeView view(UUID id, String which, Locale locale) {
        return documents.view(kind(which), incidents.get(id), personAdvice(id), locale);
    }

    /** The notice as PDF in the given language, in one of the reader's download turns ({@code PdfDownloads}). */
    public byte[] pdf(UUID id, String which, Locale locale) {
        var kind = kind(which);
        var incident = incidents.get(id); // read first: no connection held while the PDF renders (attacker's review)
        var advice = personAdvice(id);
        return ca.gardien.shared.PdfDownloads.render(() -> documents.pdf(kind, incident, advice, locale));
    }

    static NoticeDocuments.Kind kind(String which) {
        return switch (which) {
            case "commission" -> NoticeDocuments.Kind.COMMISSION;
            case "persons" -> NoticeDocuments.Kind.PERSONS;
            default -> throw new NotFoundException("incidents.object.notice", which);
        };
    }

    private void digests(
            Map<String, String> payload, String prefix, NoticeDocuments.Kind kind, Incident incident, String advice) {
        payload.put(
                prefix + "FrSha256", Digests.sha256Hex(documents.html(kind, incident, advice, Locale.CANADA_FRENCH)));
        payload.put(prefix + "EnSha256", Digests.sha256Hex(documents.html(kind, incident, advice, Locale.CANADA)));
    }
}
