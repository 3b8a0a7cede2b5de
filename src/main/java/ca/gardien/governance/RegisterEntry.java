package ca.gardien.governance;

import ca.gardien.shared.Language;
import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the registers of ss. 8.1, 9.1 and 12.1. {@code SETTING}: a privacy setting of {@code product} with its
 * {@code defaultValue} and {@code mostPrivate} value, and the {@code reason} recorded when they differ. {@code
 * TECHNOLOGY}: a means to identify, locate or profile a person; {@code detail} says how the person turns it on. {@code
 * DECISION}: a decision based exclusively on automated processing; {@code detail} gives the information used and the
 * factors a person may ask for.
 */
public record RegisterEntry(
        UUID id,
        Kind kind,
        String product,
        String nameFr,
        String nameEn,
        String detailFr,
        String detailEn,
        String defaultValue,
        String mostPrivate,
        String reason,
        Instant recordedAt) {

    public enum Kind {
        SETTING,
        TECHNOLOGY,
        DECISION
    }

    /** A setting whose default is not the most private and for which no reason is recorded: a gap (s. 9.1). */
    @com.fasterxml.jackson.annotation.JsonProperty("gap")
    public boolean gap() {
        return kind == Kind.SETTING && !defaultValue.equals(mostPrivate) && (reason == null || reason.isBlank());
    }

    public String name(Language language) {
        return language.pick(nameFr, nameEn);
    }

    public String detail(Language language) {
        return language.pick(detailFr, detailEn);
    }
}
