package ca.gardien.console;

import ca.gardien.incidents.Incident;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** An incident's story in words, oldest first: each step a bundle key ({@code incidents.timeline.*}) and its date. */
final class IncidentTimeline {

    private IncidentTimeline() {}

    record Step(LocalDate on, String key, String detail) {}

    /** @param zone the organization's time zone: a step's day is the organization's */
    static List<Step> of(Incident i, ZoneId zone) {
        var steps = new ArrayList<Step>();
        steps.add(new Step(i.occurredFrom(), "incidents.timeline.occurred", null));
        steps.add(new Step(i.awareAt().atZoneSameInstant(zone).toLocalDate(), "incidents.timeline.aware", null));
        steps.add(new Step(day(i.createdAt(), zone), "incidents.timeline.recorded", null));
        var a = i.assessment();
        if (a != null) {
            steps.add(new Step(a.consultedOn(), "incidents.timeline.consulted", null));
            steps.add(new Step(
                    day(a.assessedAt(), zone),
                    a.serious() ? "incidents.timeline.assessed-serious" : "incidents.timeline.assessed-not-serious",
                    null));
        }
        for (var m : i.measures()) {
            steps.add(
                    m.doneOn() != null
                            ? new Step(m.doneOn(), "incidents.timeline.measure-done", m.description())
                            : new Step(m.dueOn(), "incidents.timeline.measure-due", m.description()));
        }
        if (i.caiNoticeOn() != null) {
            steps.add(new Step(i.caiNoticeOn(), "incidents.timeline.cai-notice", null));
        }
        if (i.personsNoticeOn() != null) {
            steps.add(new Step(i.personsNoticeOn(), "incidents.timeline.persons-notice", null));
        }
        if (i.publicNotice()) {
            steps.add(new Step(null, "incidents.timeline.public-notice", i.publicNoticeReason()));
        }
        if (i.closedAt() != null) {
            steps.add(new Step(day(i.closedAt(), zone), "incidents.timeline.closed", null));
        }
        steps.sort(Comparator.comparing(Step::on, Comparator.nullsLast(Comparator.naturalOrder())));
        return steps;
    }

    private static LocalDate day(Instant at, ZoneId zone) {
        return at == null ? null : LocalDate.ofInstant(at, zone);
    }
}
