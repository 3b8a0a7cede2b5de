package ca.gardien.consent;

import ca.gardien.ledger.Evidence;
import ca.gardien.shared.Actor;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.SubjectIdentifier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the officer's console reads about consent: current rates per purpose, one subject's history (found by the keyed
 * hash of an identifier, never by plaintext) and exports of the records, each export a ledger fact.
 */
@Service
@org.springframework.modulith.NamedInterface({"views", "actions"})
public class ConsentReports {

    /** Current state counts for one purpose (the latest record per subject; a lapsed grant counts as expired). */
    public record PurposeRate(String purpose, long granted, long refused, long withdrawn, long expired) {

        public long total() {
            return granted + refused + withdrawn + expired;
        }

        /** Share of subjects asked whose consent currently holds, 0 to 1. */
        public double rate() {
            return total() == 0 ? 0 : (double) granted / total();
        }
    }

    /**
     * Whether Gardien emits IAB TCF strings and the Canadian GPP section ({@code tcfcav1}); when it does not,
     * {@code reasons} says why ({@code cmp-id-unset}, {@code vendor-list-version-unset}).
     */
    public record IabStatus(boolean emitted, int cmpId, int vendorListVersion, List<String> reasons) {}

    /** An export document. */
    public record Export(String contentType, String filename, byte[] body, int records) {}

    public enum Format {
        CSV,
        JSON
    }

    private final ConsentRecords records;
    private final ConsentRates rates;
    private final Subjects subjects;
    private final ConsentProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConsentReports(
            ConsentRecords records,
            ConsentRates rates,
            Subjects subjects,
            ConsentProperties properties,
            ApplicationEventPublisher events,
            Clock clock) {
        this.records = records;
        this.rates = rates;
        this.subjects = subjects;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public IabStatus iab() {
        var iab = properties.iab();
        return new IabStatus(iab.registered(), iab.cmpId(), iab.vendorListVersion(), iab.reasons());
    }

    public List<PurposeRate> rates() {
        return rates.now(clock.instant());
    }

    /**
     * A subject's records, oldest first, or empty when nobody is known by the identifier.
     *
     * @param identifier {@code kind:value}, e.g. {@code email:someone@example.test}, or a plain email address or phone
     *     number
     * @throws InvalidInputException naming {@code identifier} when it is not a valid identifier
     */
    @Transactional(readOnly = true)
    public Optional<List<ConsentRecord>> history(String identifier) {
        var parsed = SubjectIdentifier.typed(identifier, properties.phoneRegion());
        if (parsed == null) {
            throw new InvalidInputException("identifier", "consent.field.subject-syntax");
        }
        return subjects.find(parsed).map(records::history);
    }

    /**
     * A subject's records by its internal id (where the ledger's line about a person leads), oldest first, or empty
     * when none is kept.
     */
    @Transactional(readOnly = true)
    public Optional<List<ConsentRecord>> history(java.util.UUID subject) {
        var found = records.history(subject);
        return found.isEmpty() ? Optional.empty() : Optional.of(found);
    }

    /** One page of the consent history of all subjects (the console's list), with the cursor of the next page. */
    @Transactional(readOnly = true)
    public ca.gardien.shared.Listing.Page<ConsentQuery.Row> page(ConsentQuery query) {
        return ca.gardien.shared.Listing.Page.of(records.page(query), query.size(), ConsentQuery.Row::keyset);
    }

    /**
     * Every consent record, as JSON for programs or as the CSV that {@code csv} writes for a person (headers, values and
     * times in the reader's language and the organization's zone); the export and its SHA-256 are recorded in the
     * ledger.
     */
    @Transactional
    public Export export(Format format, Actor actor, Function<List<ConsentRecord>, String> csv) {
        var all = records.all();
        var body = (format == Format.CSV ? csv.apply(all) : ConsentExportFormats.json(all))
                .getBytes(StandardCharsets.UTF_8);
        events.publishEvent(Evidence.of(
                clock.instant(),
                actor,
                "consent.exported",
                "consent-export",
                format.name().toLowerCase(java.util.Locale.ROOT),
                Map.of("records", String.valueOf(all.size()), "sha256", ca.gardien.shared.Digests.sha256Hex(body))));
        return format == Format.CSV
                ? new Export("text/csv", "gardien-consents.csv", body, all.size())
                : new Export("application/json", "gardien-consents.json", body, all.size());
    }
}
