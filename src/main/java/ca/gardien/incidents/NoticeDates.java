package ca.gardien.incidents;

import java.time.LocalDate;

/**
 * Register item 7: when the notices were transmitted, whether a public notice was given and why, or why a required
 * notice was not given (for instance while it could hamper an investigation); and, for item 11 of the notice to the
 * Commission, the authorities outside Québec with similar functions that were notified (null: none).
 */
@org.springframework.modulith.NamedInterface("views")
public record NoticeDates(
        LocalDate caiNoticeOn,
        LocalDate personsNoticeOn,
        Boolean publicNotice,
        String publicNoticeReason,
        String noNoticeReason,
        String otherAuthorities) {}
