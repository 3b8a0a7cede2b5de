package ca.gardien.inventory;

import ca.gardien.ledger.Evidence;
import ca.gardien.shared.Actor;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.Digests;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The data map: read by every module, replaced as a whole by applying a YAML document. */
@Service
@org.springframework.modulith.NamedInterface({"views", "actions"})
public class Inventory {

    private final InventoryItems items;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MessageSource messages;
    private volatile Revision cached;

    Inventory(
            InventoryItems items,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Clock clock,
            MessageSource messages) {
        this.items = items;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.messages = messages;
    }

    /**
     * The data map as last applied. Read once per revision and node: each call asks only for the revision number, and
     * the map is loaded again when another apply (on any node) has moved it.
     */
    @Transactional(readOnly = true)
    public DataMap current() {
        long before = revision();
        var cached = this.cached;
        if (cached != null && cached.revision() == before) {
            return cached.map();
        }
        var map = items.load().normalized();
        // Kept only when this transaction has not applied a map itself (it would see its own uncommitted revision) and
        // no apply committed while loading: then the map is the committed revision, whatever else the transaction
        // writes
        // (a consent write reads the map on every call).
        if (!TransactionSynchronizationManager.hasResource(APPLYING) && revision() == before) {
            this.cached = new Revision(before, map);
        }
        return map;
    }

    /** The number of the last applied document, 0 before the first; it grows with every apply. */
    @Transactional(readOnly = true)
    public long revision() {
        return jdbc.sql("SELECT COALESCE(MAX(revision), 0) FROM inventory_revision")
                .query(Long.class)
                .single();
    }

    private record Revision(long revision, DataMap map) {}

    /** The transaction resource that says the current transaction applies a map. */
    private static final Object APPLYING = new Object();

    @Transactional(readOnly = true)
    public String export() {
        return DataMapYaml.write(current());
    }

    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** The data-flow picture (SVG): subjects, systems, third parties; flows leaving Québec highlighted. */
    @Transactional(readOnly = true)
    public String picture(Locale locale) {
        return DataFlowPicture.svg(current(), locale, messages);
    }

    /** The record of processing, one row per processing activity, names in the given language. */
    @Transactional(readOnly = true)
    public RecordOfProcessing recordOfProcessing(Locale locale) {
        return RecordOfProcessing.of(current(), locale, messages);
    }

    /** The record of processing as RFC 4180 CSV, in the given language. */
    @Transactional(readOnly = true)
    public String recordOfProcessingCsv(Locale locale) {
        return RecordOfProcessing.of(current(), locale, messages).csv(messages, locale);
    }

    /**
     * The current map as a YAML document with one object added or replaced (same list, same id): what a console form
     * submits, to go through the same {@link #plan} and {@link #apply} as an edited document. A document with mistakes
     * (a missing id among them) is refused with all of them at once; those of the object itself have paths relative to
     * it ({@code id}, {@code commitment.reference}, {@code categories[0]}).
     */
    @Transactional(readOnly = true)
    public String documentWith(DataMap.Item item) {
        return MapWithItem.document(current(), item);
    }

    /** What applying the document would do; nothing is changed. */
    @Transactional(readOnly = true)
    public Plan plan(String yaml) {
        return Plan.between(current(), parse(yaml));
    }

    /**
     * {@link #apply(String, Actor)} only while the map is still the revision the document was made from (the plan the
     * person read, the export a tool edited): a plan made from an older map would silently undo what was applied since
     * (attacker's review: a form's one addition replaced a map another user had changed meanwhile).
     *
     * @param readFrom whether the current revision is the one the document was made from
     * @throws ConflictException {@code inventory.map.changed} when another apply came first
     */
    @Transactional
    public Plan apply(String yaml, Actor actor, java.util.function.LongPredicate readFrom) {
        long now = revision();
        if (!readFrom.test(now)) {
            throw new ConflictException("inventory.map.changed", now);
        }
        return applied(yaml, actor, now);
    }

    /**
     * Replaces the map with the document, all or nothing, and records the document's SHA-256 in the ledger. Of two
     * applies at once one goes through, the other is refused: each records the revision after the one it started from,
     * whose number is the record's key (attacker's review: the next number was counted at the end, so an apply that
     * started from an older map took the number after the newer one and both went through).
     *
     * @throws InvalidDataMapException listing every mistake, when the document cannot be applied
     * @throws ConflictException {@code inventory.map.concurrent} when another apply took the same revision
     */
    @Transactional
    public Plan apply(String yaml, Actor actor) {
        return applied(yaml, actor, revision());
    }

    private Plan applied(String yaml, Actor actor, long from) {
        try {
            return replaced(yaml, actor, from);
        } catch (org.springframework.dao.DuplicateKeyException
                | org.springframework.dao.PessimisticLockingFailureException e) {
            throw new ConflictException("inventory.map.concurrent");
        }
    }

    private Plan replaced(String yaml, Actor actor, long from) {
        var target = parse(yaml);
        var plan = Plan.between(current(), target);
        markApplying();
        var byKind = new java.util.HashMap<String, DataMap.Item>();
        target.sections().forEach(s -> s.items().forEach(i -> byKind.put(s.name() + "/" + i.id(), i)));
        for (var change : plan.changes()) {
            switch (change.op()) {
                case "add" -> items.insert(change.kind(), byKind.get(change.path()));
                case "change" -> items.update(change.kind(), byKind.get(change.path()));
                default -> items.delete(change.kind(), change.id());
            }
        }
        var digest = Digests.sha256Hex(yaml.getBytes(StandardCharsets.UTF_8));
        long revision = record(digest, actor, plan, from + 1);
        events.publishEvent(Evidence.of(
                clock.instant(),
                actor,
                "inventory.applied",
                "inventory",
                "data-map",
                Map.of(
                        "sha256", digest,
                        "revision", String.valueOf(revision),
                        "added", String.valueOf(plan.count("add")),
                        "changed", String.valueOf(plan.count("change")),
                        "removed", String.valueOf(plan.count("remove")))));
        events.publishEvent(new DataMapApplied(revision, plan.changes(), target));
        return plan;
    }

    /** Marks the transaction as writing the map until it ends, so that {@link #current()} does not cache its view. */
    private static void markApplying() {
        if (TransactionSynchronizationManager.hasResource(APPLYING)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(APPLYING, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(APPLYING);
            }
        });
    }

    private long record(String digest, Actor actor, Plan plan, long revision) {
        jdbc.sql("INSERT INTO inventory_revision (revision, applied_at, sha256, actor_kind, actor_id, added, changed,"
                        + " removed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        revision,
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                        digest,
                        actor.kind().name(),
                        actor.id(),
                        plan.count("add"),
                        plan.count("change"),
                        plan.count("remove"))
                .update();
        return revision;
    }

    static DataMap parse(String yaml) {
        var errors = new ArrayList<MapError>();
        var map = DataMapYaml.read(yaml, errors);
        if (map != null) {
            errors.addAll(DataMapRules.check(map));
        }
        if (!errors.isEmpty()) {
            throw new InvalidDataMapException(errors);
        }
        return map.normalized();
    }
}
