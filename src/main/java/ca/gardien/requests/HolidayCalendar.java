package ca.gardien.requests;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Days on which a time limit may not expire: weekdays that never count (Sunday in Québec) and named holidays computed
 * for any year, plus dates proclaimed one by one.
 */
record HolidayCalendar(Set<DayOfWeek> closedWeekdays, Map<String, HolidayRule> holidays, Set<LocalDate> extraDates) {

    static final HolidayCalendar NONE = new HolidayCalendar(Set.of(), Map.of(), Set.of());

    HolidayCalendar {
        closedWeekdays = Set.copyOf(closedWeekdays);
        holidays = new LinkedHashMap<>(holidays);
        extraDates = Set.copyOf(extraDates);
    }

    static HolidayCalendar of(RequestsProperties.Calendar spec) {
        var rules = new LinkedHashMap<String, HolidayRule>();
        spec.holidays().forEach((name, rule) -> rules.put(name, HolidayRule.parse(rule)));
        return new HolidayCalendar(spec.closedWeekdays(), rules, spec.extraDates());
    }

    /** Why the day is closed ({@code sunday}, a holiday name, {@code proclaimed}), or empty when it is open. */
    Optional<String> closedBecause(LocalDate day) {
        if (closedWeekdays.contains(day.getDayOfWeek())) {
            return Optional.of(day.getDayOfWeek().name().toLowerCase(java.util.Locale.ROOT));
        }
        for (var holiday : holidays.entrySet()) {
            if (holiday.getValue().in(day.getYear()).filter(day::equals).isPresent()) {
                return Optional.of(holiday.getKey());
            }
        }
        return extraDates.contains(day) ? Optional.of("proclaimed") : Optional.empty();
    }

    /** The holidays of a year, by name, in the order configured. */
    Map<String, LocalDate> holidaysIn(int year) {
        var days = new LinkedHashMap<String, LocalDate>();
        holidays.forEach((name, rule) -> rule.in(year).ifPresent(d -> days.put(name, d)));
        return days;
    }

    /** The first open day on or after {@code day}, with the reasons of each day skipped. */
    LocalDate firstOpenFrom(LocalDate day, List<String> skippedBecause) {
        var current = day;
        for (var reason = closedBecause(current); reason.isPresent(); reason = closedBecause(current)) {
            skippedBecause.add(current + ":" + reason.get());
            current = current.plusDays(1);
        }
        return current;
    }

    /** The n-th open day after {@code day} (business days). */
    LocalDate openDaysAfter(LocalDate day, int n) {
        var current = day;
        for (int counted = 0; counted < n; ) {
            current = current.plusDays(1);
            if (closedBecause(current).isEmpty()) {
                counted++;
            }
        }
        return current;
    }
}
