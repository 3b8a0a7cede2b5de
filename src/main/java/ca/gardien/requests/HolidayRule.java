package ca.gardien.requests;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One holiday, written as text so that calendars are data: {@code 06-24} (fixed), {@code 07-01 sunday+1} (moves to the
 * next day when it falls on a Sunday), {@code easter-2} / {@code easter+1} (Good Friday, Easter Monday), {@code 1 monday
 * 09} / {@code last monday 05} (n-th weekday of a month) and {@code monday-before 05-25} (the last Monday strictly
 * before a date: Québec's Journée nationale des patriotes).
 */
sealed interface HolidayRule {

    /** The day this holiday falls on in the year, if any. */
    Optional<LocalDate> in(int year);

    Pattern FIXED = Pattern.compile("(\\d\\d)-(\\d\\d)( sunday\\+1)?");
    Pattern EASTER = Pattern.compile("easter([+-]\\d{1,2})?");
    Pattern NTH = Pattern.compile("(\\d|last) ([a-z]+) (\\d\\d)");
    Pattern BEFORE = Pattern.compile("([a-z]+)-before (\\d\\d)-(\\d\\d)");

    static HolidayRule parse(String text) {
        var spec = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Matcher m;
        try {
            if ((m = FIXED.matcher(spec)).matches()) {
                var day = MonthDay.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                return new Fixed(day, m.group(3) != null);
            }
            if ((m = EASTER.matcher(spec)).matches()) {
                return new EasterBased(m.group(1) == null ? 0 : Integer.parseInt(m.group(1)));
            }
            if ((m = NTH.matcher(spec)).matches()) {
                int n = "last".equals(m.group(1)) ? -1 : Integer.parseInt(m.group(1));
                return new NthWeekday(n, weekday(m.group(2)), Integer.parseInt(m.group(3)));
            }
            if ((m = BEFORE.matcher(spec)).matches()) {
                var day = MonthDay.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                return new WeekdayBefore(weekday(m.group(1)), day);
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("holiday rule '" + text + "' is not valid", e);
        }
        throw new IllegalArgumentException("holiday rule '" + text + "' is not valid");
    }

    private static DayOfWeek weekday(String name) {
        return DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT));
    }

    record Fixed(MonthDay day, boolean sundayMovesToMonday) implements HolidayRule {
        @Override
        public Optional<LocalDate> in(int year) {
            if (!day.isValidYear(year)) {
                return Optional.empty();
            }
            var date = day.atYear(year);
            return Optional.of(
                    sundayMovesToMonday && date.getDayOfWeek() == DayOfWeek.SUNDAY ? date.plusDays(1) : date);
        }
    }

    record EasterBased(int offsetDays) implements HolidayRule {
        @Override
        public Optional<LocalDate> in(int year) {
            return Optional.of(easterSunday(year).plusDays(offsetDays));
        }
    }

    record NthWeekday(int n, DayOfWeek weekday, int month) implements HolidayRule {
        @Override
        public Optional<LocalDate> in(int year) {
            var first = LocalDate.of(year, month, 1);
            var adjuster =
                    n < 0 ? TemporalAdjusters.lastInMonth(weekday) : TemporalAdjusters.dayOfWeekInMonth(n, weekday);
            var date = first.with(adjuster);
            return date.getMonthValue() == month ? Optional.of(date) : Optional.empty();
        }
    }

    record WeekdayBefore(DayOfWeek weekday, MonthDay day) implements HolidayRule {
        @Override
        public Optional<LocalDate> in(int year) {
            return Optional.of(day.atYear(year).with(TemporalAdjusters.previous(weekday)));
        }
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
    static LocalDate easterSunday(int year) {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
