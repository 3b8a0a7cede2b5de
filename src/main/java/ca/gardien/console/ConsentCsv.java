package ca.gardien.console;

import ca.gardien.consent.ConsentQuery;
import ca.gardien.consent.ConsentRecord;
import ca.gardien.shared.Listing;
import java.util.ArrayList;
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

    /** What was chosen and how: the columns both files share, between their own first and last ones. */
    private static final List<String> CHOICE = List.of(
            "lists.consent.csv.purposeId",
            "consent.console.purpose",
            "consent.console.state",
            "consent.console.kind",
            "lists.consent.csv.givenBy",
            "consent.console.channel",
            "lists.consent.csv.noticeVersion");

    private static final List<String> HISTORY = columns(
            List.of("lists.consent.csv.seq", "consent.console.recordedAt"), List.of("consent.console.validUntil"));

    private static final List<String> RECORDS = columns(
            List.of("consent.console.record", "lists.consent.csv.subject"),
            List.of(
                    "lists.consent.csv.ageBand",
                    "lists.consent.csv.form",
                    "lists.consent.csv.ipHash",
                    "lists.consent.csv.userAgentHash",
                    "lists.consent.csv.language",
                    "lists.consent.csv.gpc",
                    "consent.console.recordedAt",
                    "consent.console.validUntil"));

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
        var cells = new ArrayList<String>(List.of(Long.toString(r.seq()), times.iso(r.recordedAt())));
        cells.addAll(choice(r, names, locale));
        cells.add(times.iso(r.validUntil()));
        return cells;
    }

    /** Every record, one line each, under a header row. */
    String records(List<ConsentRecord> records, Map<String, String> names, Locale locale) {
        var lines = records.stream().map(r -> record(r, names, locale)).toList();
        return Listing.csv(RECORDS.stream().map(k -> text(k, locale)).toList(), lines);
    }

    private List<String> record(ConsentRecord r, Map<String, String> names, Locale locale) {
        var proof = r.evidence();
        var cells =
                new ArrayList<String>(List.of(r.id().toString(), r.subjectId().toString()));
        // the same columns as the history's line, from the record's own fields
        cells.addAll(choice(
                new ConsentQuery.Row(
                        0,
                        r.recordedAt(),
                        r.purpose(),
                        r.state(),
                        r.kind(),
                        r.givenBy(),
                        r.channel(),
                        r.noticeVersion(),
                        r.validUntil()),
                names,
                locale));
        cells.addAll(List.of(
                r.ageBand() == null
                        ? ""
                        : text("lists.consent.ageBand." + r.ageBand().name(), locale),
                Objects.toString(proof.formId(), ""),
                Objects.toString(proof.ipHash(), ""),
                Objects.toString(proof.userAgentHash(), ""),
                language(proof.language(), locale),
                text("lists.consent.gpc." + proof.gpc(), locale),
                times.iso(r.recordedAt()),
                times.iso(r.validUntil())));
        return cells;
    }

    /** The cells of {@link #CHOICE}: the purpose by its code and name, the vocabularies in the reader's language. */
    private List<String> choice(ConsentQuery.Row r, Map<String, String> names, Locale locale) {
        return List.of(
                r.purpose(),
                names.getOrDefault(r.purpose(), r.purpose()),
                text("consent.state." + r.state().name().toLowerCase(Locale.ROOT), locale),
                text("consent.kind." + r.kind().name(), locale),
                text("lists.consent.givenBy." + r.givenBy().name(), locale),
                text("consent.channel." + r.channel().name(), locale),
                Objects.toString(r.noticeVersion(), ""));
    }

    private static List<String> columns(List<String> first, List<String> last) {
        var all = new ArrayList<>(first);
        all.addAll(CHOICE);
        all.addAll(last);
        return List.copyOf(all);
    }

    /** A language tag named in the reader's language ("fr" is "français" or "French"). */
    private static String language(String tag, Locale locale) {
        if (tag == null || tag.isBlank()) {
            return "";
        }
        var name = Locale.forLanguageTag(tag).getDisplayLanguage(locale);
        return name.isEmpty() ? tag : name;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
