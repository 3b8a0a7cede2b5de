package ca.gardien.console;

import ca.gardien.consent.ConsentQuery;
import ca.gardien.consent.ConsentRecord;
import ca.gardien.shared.Listing;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The consent CSVs a person opens in a spreadsheet (the history of all consents, the export of every record): headers
 * and vocabularies in the reader's language, times in the organization's zone with their offset. The JSON export is
 * for programs and keeps the records as they are.
 */
@Component
class ConsentCsv {

    private static final List<String> HISTORY = List.of(
            "lists.consent.csv.seq",
            "consent.console.recordedAt",
            "lists.consent.csv.purposeId",
            "consent.console.purpose",
            "consent.console.state",
            "consent.console.kind",
            "lists.consent.csv.givenBy",
            "consent.console.channel",
            "lists.consent.csv.noticeVersion",
            "consent.console.validUntil");

    private static final List<String> RECORDS = List.of(
            "consent.console.record",
            "lists.consent.csv.subject",
            "lists.consent.csv.purposeId",
            "consent.console.purpose",
            "consent.console.state",
            "consent.console.kind",
            "lists.consent.csv.givenBy",
            "consent.console.channel",
            "lists.consent.csv.noticeVersion",
            "lists.consent.csv.ageBand",
            "lists.consent.csv.form",
            "lists.consent.csv.ipHash",
            "lists.consent.csv.userAgentHash",
            "lists.consent.csv.language",
            "lists.consent.csv.gpc",
            "consent.console.recordedAt",
            "consent.console.validUntil");

    private final MessageSource messages;
    private final ConsoleTimes times;

    ConsentCsv(MessageSource messages, ConsoleTimes times) {
        this.messages = messages;
        this.times = times;
    }

    /** The history's header row. */
    List<String> historyHeader(Locale locale) {
        return HISTORY.stream().map(k -> text(k, locale)).toList();
    }

    /** One line of the history, the purpose named by {@code names} (its id when it has no name any more). */
    List<String> history(ConsentQuery.Row r, Map<String, String> names, Locale locale) {
        return List.of(
                Long.toString(r.seq()),
                times.iso(r.recordedAt()),
                r.purpose(),
                names.getOrDefault(r.purpose(), r.purpose()),
                state(r.state(), locale),
                text("consent.kind." + r.kind().name(), locale),
                text("lists.consent.givenBy." + r.givenBy().name(), locale),
                text("consent.channel." + r.channel().name(), locale),
                Objects.toString(r.noticeVersion(), ""),
                times.iso(r.validUntil()));
    }

    /** Every record, one line each, under a header row. */
    String records(List<ConsentRecord> records, Map<String, String> names, Locale locale) {
        var lines = records.stream().map(r -> record(r, names, locale)).toList();
        return Listing.csv(RECORDS.stream().map(k -> text(k, locale)).toList(), lines);
    }

    private List<String> record(ConsentRecord r, Map<String, String> names, Locale locale) {
        var proof = r.evidence();
        return List.of(
                r.id().toString(),
                r.subjectId().toString(),
                r.purpose(),
                names.getOrDefault(r.purpose(), r.purpose()),
                state(r.state(), locale),
                text("consent.kind." + r.kind().name(), locale),
                text("lists.consent.givenBy." + r.givenBy().name(), locale),
                text("consent.channel." + r.channel().name(), locale),
                Objects.toString(r.noticeVersion(), ""),
                r.ageBand() == null
                        ? ""
                        : text("lists.consent.ageBand." + r.ageBand().name(), locale),
                Objects.toString(proof.formId(), ""),
                Objects.toString(proof.ipHash(), ""),
                Objects.toString(proof.userAgentHash(), ""),
                language(proof.language(), locale),
                text("lists.consent.gpc." + proof.gpc(), locale),
                times.iso(r.recordedAt()),
                times.iso(r.validUntil()));
    }

    /** A language tag named in the reader's language ("fr" is "français" or "French"). */
    private static String language(String tag, Locale locale) {
        if (tag == null || tag.isBlank()) {
            return "";
        }
        var name = Locale.forLanguageTag(tag).getDisplayLanguage(locale);
        return name.isEmpty() ? tag : name;
    }

    private String state(Enum<?> state, Locale locale) {
        return text("consent.state." + state.name().toLowerCase(Locale.ROOT), locale);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
