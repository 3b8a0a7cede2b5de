package ca.gardien.governance;

import ca.gardien.ledger.Evidence;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registers of ss. 8.1, 9.1 and 12.1: entries are added and a setting's reason recorded, each a ledger fact
 * ({@code governance.register-entry-added}, {@code governance.default-reason-recorded}).
 */
@Service
public class Registers {

    /** An entry as sent. */
    public record NewEntry(
            String kind,
            String product,
            String nameFr,
            String nameEn,
            String detailFr,
            String detailEn,
            String defaultValue,
            String mostPrivate,
            String reason) {}

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Registers(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<RegisterEntry> all() {
        return jdbc.sql("SELECT * FROM governance_register_entry ORDER BY kind, recorded_at, id")
                .query((rs, n) -> new RegisterEntry(
                        rs.getObject("id", UUID.class),
                        RegisterEntry.Kind.valueOf(rs.getString("kind")),
                        rs.getString("product"),
                        rs.getString("name_fr"),
                        rs.getString("name_en"),
                        rs.getString("detail_fr"),
                        rs.getString("detail_en"),
                        rs.getString("default_value"),
                        rs.getString("most_private"),
                        rs.getString("reason"),
                        PolicyStore.instant(rs, "recorded_at")))
                .list();
    }

    @Transactional
    RegisterEntry add(NewEntry e, GovernanceCaller caller) {
        caller.requireWriter();
        var errors = new ArrayList<FieldError>();
        RegisterEntry.Kind kind = null;
        try {
            kind = RegisterEntry.Kind.valueOf(e.kind() == null ? "" : e.kind());
        } catch (IllegalArgumentException x) {
            errors.add(FieldError.of("kind", "governance.field.kind"));
        }
        GovernanceText.WORDS.line(errors, "nameFr", e.nameFr(), 200, true);
        GovernanceText.WORDS.line(errors, "nameEn", e.nameEn(), 200, true);
        var setting = kind == RegisterEntry.Kind.SETTING;
        GovernanceText.WORDS.line(errors, "product", e.product(), 200, setting);
        GovernanceText.WORDS.line(errors, "defaultValue", e.defaultValue(), 100, setting);
        GovernanceText.WORDS.line(errors, "mostPrivate", e.mostPrivate(), 100, setting);
        var detailFr = GovernanceText.WORDS.prose(errors, "detailFr", e.detailFr(), 2000, kind != null && !setting);
        var detailEn = GovernanceText.WORDS.prose(errors, "detailEn", e.detailEn(), 2000, kind != null && !setting);
        var reason = GovernanceText.WORDS.prose(errors, "reason", e.reason(), 2000, false);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var id = UUID.randomUUID();
        jdbc.sql("INSERT INTO governance_register_entry (id, kind, product, name_fr, name_en, detail_fr, detail_en,"
                        + " default_value, most_private, reason, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        kind.name(),
                        e.product(),
                        e.nameFr().strip(),
                        e.nameEn().strip(),
                        detailFr,
                        detailEn,
                        setting ? e.defaultValue().strip() : null,
                        setting ? e.mostPrivate().strip() : null,
                        reason,
                        PolicyStore.time(clock.instant()))
                .update();
        var entry = find(id);
        events.publishEvent(Evidence.of(
                clock.instant(),
                caller.actor(),
                "governance.register-entry-added",
                "register-entry",
                id,
                Map.of("kind", kind.name(), "gap", String.valueOf(entry.gap()))));
        return entry;
    }

    @Transactional
    RegisterEntry reason(UUID id, String reason, GovernanceCaller caller) {
        caller.requireWriter();
        var errors = new ArrayList<FieldError>();
        var stored = GovernanceText.WORDS.prose(errors, "reason", reason, 2000, true);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        find(id);
        jdbc.sql("UPDATE governance_register_entry SET reason = ? WHERE id = ?")
                .params(stored.strip(), id)
                .update();
        events.publishEvent(Evidence.of(
                clock.instant(),
                caller.actor(),
                "governance.default-reason-recorded",
                "register-entry",
                id,
                Map.of("reasonLength", String.valueOf(reason.strip().length()))));
        return find(id);
    }

    private RegisterEntry find(UUID id) {
        return all().stream()
                .filter(e -> e.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("governance.register-entry", id));
    }
}
