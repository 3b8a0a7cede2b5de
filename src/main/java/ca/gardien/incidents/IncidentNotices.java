package ca.gardien.incidents;

import ca.gardien.shared.Actor;
import ca.gardien.shared.ConflictException;
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
    private final java.time.Clock clock;
    private final IncidentDeliveries deliveries;

    IncidentNotices(
            Incidents incidents,
            IncidentStore store,
            IncidentFacts facts,
            IncidentChecks checks,
            NoticeDocuments documents,
            IncidentPersonStore persons,
            java.time.Clock clock,
            IncidentDeliveries deliveries) {
        this.deliveries = deliveries;
        this.persons = persons;
        this.clock = clock;
        this.incidents = incidents;
        this.store = store;
        this.facts = facts;
        this.checks = checks;
        this.documents = documents;
    }

    @Transactional
    public Incident date(UUID id, NoticeDates dates, Actor actor) {
        var current = incidents.open(id);
        var errors = new ArrayList<FieldError>();
        var today = checks.today();
        var aware = current.awareAt().toLocalDate();
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
        if (!Objects.equals(dates.personsNoticeOn(), current.personsNoticeOn()) && personsNoticeWaits(id)) {
            errors.add(FieldError.of("personsNoticeOn", "incidents.invalid.persons-notice-waits"));
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
     * through the mail server, or the day the officer records it was transmitted otherwise.
     */
    void datePersons(UUID id, LocalDate on, Actor actor) {
        var incident = incidents.get(id);
        if (incident.personsNoticeOn() == null) {
            var d = incident.notices();
            date(
                    id,
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
        var all = deliveries.all(id);
        return persons.transmitted(id).isEmpty()
                && all.stream().anyMatch(d -> "STORED".equals(d.status()))
                && all.stream().noneMatch(d -> "SENT".equals(d.status()) || "BOUNCED".equals(d.status()));
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

    /**
     * Records supplementary information sent to the Commission after its first notice (Reg. s. 3, last paragraph),
     * on a closed entry too: the Commission may ask for more once the entry is closed (reviewers); nothing else of a
     * closed entry changes.
     */
    @Transactional
    public List<IncidentPersonStore.Supplement> supplement(UUID id, LocalDate sentOn, String information, Actor actor) {
        var current = incidents.get(id);
        if (current.caiNoticeOn() == null) {
            throw new ConflictException("incidents.conflict.no-cai-notice");
        }
        var errors = new ArrayList<FieldError>();
        RiskAssessment.text(errors, "information", information, true);
        if (sentOn == null) {
            errors.add(FieldError.of("sentOn", "incidents.invalid.required"));
        } else if (sentOn.isAfter(checks.today())) {
            errors.add(FieldError.of("sentOn", "incidents.invalid.future"));
        } else if (sentOn.isBefore(current.caiNoticeOn())) {
            errors.add(FieldError.of("sentOn", "incidents.invalid.before-cai-notice"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        persons.addSupplement(id, sentOn, information.strip(), clock.instant(), actor.kind() + ":" + actor.id());
        facts.record(
                "supplement-recorded",
                id,
                actor,
                Map.of(
                        "caiNoticeOn", current.caiNoticeOn().toString(),
                        "sentOn", sentOn.toString(),
                        "informationSha256", Digests.sha256Hex(information.strip())));
        return persons.supplements(id);
    }

    @Transactional(readOnly = true)
    public List<IncidentPersonStore.Supplement> supplements(UUID id) {
        incidents.get(id);
        return persons.supplements(id);
    }

    @Transactional(readOnly = true)
    public String personAdvice(UUID id) {
        return store.personAdvice(id).orElse(null);
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
    @Transactional(readOnly = true)
    public byte[] pdf(UUID id, String which, Locale locale) {
        var kind = kind(which);
        return ca.gardien.shared.PdfDownloads.render(
                () -> documents.pdf(kind, incidents.get(id), personAdvice(id), locale));
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
