package ca.gardien.inventory;

import ca.gardien.ledger.Evidence;
import ca.gardien.shared.Actor;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.Digests;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The legal gaps of the current data map, explained in French and English, with the officer's decision on each. */
@Service
@EnableConfigurationProperties(InventoryProperties.class)
@org.springframework.modulith.NamedInterface({"views", "actions"})
public class GapReport {

    static final int MAX_REASON = GapDecisionInput.MAX_REASON;

    private final Inventory inventory;
    private final InventoryProperties settings;
    private final MessageSource messages;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final org.springframework.beans.factory.ObjectProvider<PiaCoverage> coverage;
    private final List<GapSource> sources;
    private final MapNames names;

    GapReport(
            Inventory inventory,
            InventoryProperties settings,
            MessageSource messages,
            Clock clock,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            org.springframework.beans.factory.ObjectProvider<PiaCoverage> coverage,
            List<GapSource> sources) {
        this.coverage = coverage;
        this.sources = List.copyOf(sources);
        this.inventory = inventory;
        this.settings = settings;
        this.messages = messages;
        this.names = new MapNames(messages);
        this.clock = clock;
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<Gap> gaps(Locale locale) {
        var found = new ArrayList<>(gaps(inventory.current(), locale, decisions()));
        sources.forEach(s -> found.addAll(s.gaps(locale)));
        return List.copyOf(found);
    }

    /** The gaps of a map, none decided yet. */
    List<Gap> gaps(DataMap map, Locale locale) {
        return gaps(map, locale, Map.of());
    }

    private List<Gap> gaps(DataMap map, Locale locale, Map<String, GapDecision> decisions) {
        var today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        return GapRules.check(map, today, settings).stream()
                .filter(f -> !coveredByApprovedPia(f))
                .map(f -> explain(f, map, locale, decisions))
                .toList();
    }

    /**
     * Records the officer's decision on a gap of the current map, and the fact in the ledger.
     *
     * @throws InvalidInputException naming every refused field: an unknown status, a reason missing for an accepted
     *     risk, an owner or reason too long
     * @throws NotFoundException when the current map has no such gap
     */
    @Transactional
    public Gap decide(String id, String status, String owner, String reason, Actor actor, Locale locale) {
        var input = GapDecisionInput.checked(status, owner, reason);
        status = input.status();
        owner = input.owner();
        reason = input.reason();
        var gap = gaps(locale).stream()
                .filter(g -> g.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("inventory.object.gap", id));
        if (input.sameAs(gap.decision())) {
            return gap; // nothing changed: no fact (a gap saved open again read as "reopened")
        }
        var now = clock.instant();
        jdbc.sql("DELETE FROM inventory_gap_decision WHERE gap_id = ?")
                .param(id)
                .update();
        try {
            jdbc.sql("INSERT INTO inventory_gap_decision (gap_id, status, owner, reason, decided_at, actor_kind,"
                            + " actor_id) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            id,
                            status,
                            owner,
                            reason,
                            OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                            actor.kind().name(),
                            actor.id())
                    .update();
        } catch (DuplicateKeyException e) { // another decision on this gap committed meanwhile: the officer looks again
            throw new ConflictException("inventory.gap-decision.concurrent");
        }
        var facts = new HashMap<String, String>();
        facts.put("rule", gap.rule());
        facts.put("object", gap.object());
        facts.put("status", status);
        // free text (a person's name, a reason) stays out of the ledger, which nothing erases: its digest proves it
        if (owner != null) {
            facts.put("ownerSha256", Digests.sha256Hex(owner));
        }
        if (reason != null) {
            facts.put("reasonSha256", Digests.sha256Hex(reason));
        }
        events.publishEvent(Evidence.of(now, actor, "inventory.gap-decided", "inventory-gap", id, Map.copyOf(facts)));
        return gaps(locale).stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow();
    }

    private Map<String, GapDecision> decisions() {
        var all = new HashMap<String, GapDecision>();
        jdbc.sql("SELECT gap_id, status, owner, reason, decided_at, actor_kind, actor_id FROM inventory_gap_decision")
                .query((rs, n) -> all.put(
                        rs.getString("gap_id"),
                        new GapDecision(
                                rs.getString("status"),
                                rs.getString("owner"),
                                rs.getString("reason"),
                                rs.getObject("decided_at", OffsetDateTime.class).toInstant(),
                                new Actor(Actor.Kind.valueOf(rs.getString("actor_kind")), rs.getString("actor_id")))))
                .list();
        return all;
    }

    /** A "without an approved PIA" gap is cleared by an approved assessment of the object as it now is. */
    private boolean coveredByApprovedPia(Finding f) {
        return PIA_RULES.contains(f.rule()) && coverage.orderedStream().anyMatch(c -> c.approved(f.object()));
    }

    private static final java.util.Set<GapRule> PIA_RULES =
            java.util.EnumSet.of(GapRule.TRANSFER_WITHOUT_APPROVED_PIA, GapRule.SYSTEM_WITHOUT_PIA);

    private Gap explain(Finding f, DataMap map, Locale locale, Map<String, GapDecision> decisions) {
        var rule = f.rule();
        var text = new Text(text(f, map, Locale.FRENCH), text(f, map, Locale.ENGLISH));
        if (PIA_RULES.contains(rule)) {
            var refusal = coverage.orderedStream()
                    .map(c -> c.rejection(f.object()))
                    .flatMap(java.util.Optional::stream)
                    .findFirst();
            if (refusal.isPresent()) {
                text = new Text(
                        refused(text.fr(), refusal.get(), Locale.FRENCH),
                        refused(text.en(), refusal.get(), Locale.ENGLISH));
            }
        }
        var id = Gap.idOf(rule.id(), f.object(), f.related());
        return new Gap(
                rule.id(),
                rule.severity(),
                settings.legalReferences().getOrDefault(rule.id(), rule.defaultLegalReference()),
                text.in(locale),
                text,
                f.object(),
                f.related(),
                id,
                decisions.getOrDefault(id, GapDecision.NONE));
    }

    private String refused(String explanation, String reasons, Locale locale) {
        return messages.getMessage("inventory.gap.pia-rejected", new Object[] {explanation, reasons}, locale);
    }

    private String text(Finding f, DataMap map, Locale locale) {
        Object[] args = {
            named(f.object(), map, locale),
            String.join(
                    ", ", f.related().stream().map(p -> named(p, map, locale)).toList())
        };
        return messages.getMessage("inventory.gap." + f.rule().id(), args, locale);
    }

    /**
     * An object of the map as a person reads it: its name in quotes (« CRM », “CRM”), not its path in the YAML
     * ({@code systems/crm}); the id when the object has no name, the id said missing when it is not in the map.
     */
    private String named(String path, DataMap map, Locale locale) {
        var slash = path.indexOf('/');
        if (slash < 0) {
            return path;
        }
        var list = path.substring(0, slash);
        var id = path.substring(slash + 1);
        for (var section : map.sections()) {
            if (section.name().equals(list)) {
                for (var item : section.items()) {
                    if (item.id().equals(id)) {
                        return item instanceof Transfer t
                                ? transfer(t, map, locale)
                                : messages.getMessage(
                                        "inventory.gap.named", new Object[] {item.displayName(locale)}, locale);
                    }
                }
            }
        }
        // named by the map but missing from it (a purpose a processing activity cites): its id in words, never the path
        return messages.getMessage("inventory.gap.named.missing", new Object[] {id}, locale);
    }

    /**
     * A transfer has no name of its own: it is said by whom it goes to and where (« à « Google » (États-Unis) »), not
     * by its id (officer's walk: « La communication « analytics-us » hors du Québec »).
     */
    private String transfer(Transfer t, DataMap map, Locale locale) {
        var recipient =
                messages.getMessage("inventory.gap.named", new Object[] {names.recipient(t, map, locale)}, locale);
        return messages.getMessage(
                "inventory.gap.named.transfer", new Object[] {recipient, names.place(t, locale)}, locale);
    }
}
