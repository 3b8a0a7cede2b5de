package ca.gardien.retention;

import ca.gardien.shared.OwnDataSchedule;
import java.time.Duration;
import java.time.Period;
import java.time.temporal.TemporalAmount;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * "Gardien's own data" on the retention page: every schedule on which Gardien destroys what it keeps about people for
 * its own workflows, as the modules publish them ({@link OwnDataSchedule}), in words and in the page's language —
 * periods as "1 an après la fin de la demande", the setting that changes each, how often it is swept, this node's last
 * sweep and how many were destroyed when that is counted.
 */
@Service
@org.springframework.modulith.NamedInterface("views")
public class RetentionOwnData {

    /**
     * One schedule in words. {@code setting}, {@code sweepEvery} and {@code destroyed} are null when the schedule has
     * none; {@code lastSweep} is null without sweeps.
     */
    public record OwnDataLine(
            String key,
            String name,
            String period,
            String what,
            String setting,
            String sweepEvery,
            String lastSweep,
            String destroyed) {}

    private final List<OwnDataSchedule> schedules;
    private final RetentionRuleLines lines;
    private final MessageSource messages;

    RetentionOwnData(List<OwnDataSchedule> schedules, RetentionRuleLines lines, MessageSource messages) {
        this.schedules = List.copyOf(schedules);
        this.lines = lines;
        this.messages = messages;
    }

    public List<OwnDataLine> lines(Locale locale) {
        return schedules.stream()
                .map(OwnDataSchedule::schedule)
                .sorted(Comparator.comparingInt(OwnDataSchedule.Schedule::order))
                .map(s -> line(s, locale))
                .toList();
    }

    private OwnDataLine line(OwnDataSchedule.Schedule s, Locale locale) {
        var clock = text(s.key() + ".clock", locale);
        var period =
                s.keepFor() == null ? clock : text("retention.own.period", locale, amount(s.keepFor(), locale), clock);
        var sweeps = s.sweepEvery() != null;
        return new OwnDataLine(
                s.key(),
                text(s.key() + ".name", locale),
                period,
                text(s.key() + ".what", locale),
                s.setting(),
                sweeps ? amount(s.sweepEvery(), locale) : null,
                !sweeps
                        ? null
                        : s.lastSweep() == null
                                ? text("retention.own.not-swept-yet", locale)
                                : lines.when(s.lastSweep(), locale),
                s.destroyed() == null ? null : text(s.key() + ".destroyed", locale, s.destroyed()));
    }

    /** A period or a duration in words: "1 an", "30 jours", "1 heure", "10 minutes". */
    String amount(TemporalAmount amount, Locale locale) {
        if (amount instanceof Period period) {
            return lines.duration(period.toString(), locale);
        }
        var duration = (Duration) amount;
        if (duration.toDaysPart() > 0 && duration.equals(Duration.ofDays(duration.toDays()))) {
            return text("retention.console.unit.days", locale, duration.toDays());
        }
        if (duration.toHours() > 0 && duration.equals(Duration.ofHours(duration.toHours()))) {
            return text("retention.console.unit.hours", locale, duration.toHours());
        }
        if (duration.toMinutes() > 0 && duration.equals(Duration.ofMinutes(duration.toMinutes()))) {
            return text("retention.console.unit.minutes", locale, duration.toMinutes());
        }
        return text("retention.console.unit.seconds", locale, duration.toSeconds());
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
