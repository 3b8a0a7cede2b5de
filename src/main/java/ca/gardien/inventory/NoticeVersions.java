package ca.gardien.inventory;

import ca.gardien.ledger.Evidence;
import ca.gardien.organization.Organization;
import ca.gardien.shared.Actor;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.Digests;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approved versions of the privacy notice: the person in charge approves the notice generated from the current map
 * (s. 3.2); each approval is numbered, dated, kept readable and recorded in the ledger with the text's digest.
 */
@Service
@org.springframework.modulith.NamedInterface({"views", "actions"})
public class NoticeVersions {

    private static final String COLUMNS = "version, approved_at, sha256, text_fr, text_en, reason";
    /** A version as lists show it: its texts (tens of kilobytes each) are read only for the version shown. */
    private static final String LISTED = "version, approved_at, sha256, NULL AS text_fr, NULL AS text_en, reason";

    private final Inventory inventory;
    private final Organization organization;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final GapReport gaps;
    private final List<NoticeStatements> statements;

    NoticeVersions(
            Inventory inventory,
            Organization organization,
            MessageSource messages,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Clock clock,
            GapReport gaps,
            List<NoticeStatements> statements) {
        this.gaps = gaps;
        this.statements = List.copyOf(statements);
        this.inventory = inventory;
        this.organization = organization;
        this.messages = messages;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** The notice as it would be approved now. */
    @Transactional(readOnly = true)
    public String draft(Locale locale) {
        return NoticeText.render(
                PrivacyNotice.of(inventory.current(), locale, messages),
                statements(locale),
                organization.profile().orElse(null),
                messages,
                locale);
    }

    /** What the other modules add to the notice (s. 8.1, s. 12.1), in the asked language. */
    List<NoticeStatements.Statement> statements(Locale locale) {
        return statements.stream().flatMap(s -> s.statements(locale).stream()).toList();
    }

    /** The version in force: the last approved, which the public page shows (none until a first approval). */
    @Transactional(readOnly = true)
    public Optional<NoticeVersion> latest() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM inventory_notice_version ORDER BY version DESC LIMIT 1")
                .query(NoticeVersions::map)
                .optional();
    }

    /**
     * What approving now would publish, line by line against the version in force: every line added when none was
     * approved yet (version 0), nothing but unchanged lines when the map has not changed since.
     */
    @Transactional(readOnly = true)
    public LineDiff pending(Locale locale) {
        var latest = latest();
        int from = latest.map(NoticeVersion::version).orElse(0);
        return LineDiff.between(from, latest.map(v -> v.text(locale)).orElse(""), from + 1, draft(locale));
    }

    /**
     * The notice's state for the console from the gaps the page already has (any language: severity and decision are
     * the same in both): the versions read once, each draft rendered once.
     */
    @Transactional(readOnly = true)
    public NoticeStatus status(List<Gap> gaps) {
        var fr = draft(Locale.FRENCH);
        var en = draft(Locale.ENGLISH);
        var versions = all();
        var inForce = versions.isEmpty() ? null : versions.getLast().sha256();
        return new NoticeStatus(versions, awaitsApproval(inForce, fr, en), warnings(gaps, fr, en));
    }

    /**
     * Whether the notice generated from the current map differs from the last approved version (or none was approved
     * yet while the map holds something): a change awaiting the person in charge's approval.
     */
    @Transactional(readOnly = true)
    public boolean awaitsApproval() {
        var last = jdbc.sql("SELECT sha256 FROM inventory_notice_version ORDER BY version DESC LIMIT 1")
                .query(String.class)
                .optional()
                .map(String::trim)
                .orElse(null);
        return awaitsApproval(last, draft(Locale.FRENCH), draft(Locale.ENGLISH));
    }

    private boolean awaitsApproval(String inForceSha256, String fr, String en) {
        return !inventory.isEmpty() && (inForceSha256 == null || !inForceSha256.equals(digest(fr, en)));
    }

    private static String digest(String fr, String en) {
        return Digests.sha256Hex((fr + "\u0000" + en).getBytes(StandardCharsets.UTF_8));
    }

    private NoticeStatus.Warnings warnings(List<Gap> found, String fr, String en) {
        long high = found.stream()
                .filter(g -> "high".equals(g.severity()) && g.decision().pending())
                .count();
        var undescribed = inventory.current().purposes().stream()
                .filter(p -> p.description() == null
                        || ca.gardien.shared.PlainText.saysNothing(
                                p.description().in(Locale.FRENCH))
                        || ca.gardien.shared.PlainText.saysNothing(
                                p.description().in(Locale.ENGLISH)))
                .toList();
        return new NoticeStatus.Warnings(
                high, placeholders(fr, Locale.FRENCH) + placeholders(en, Locale.ENGLISH), undescribed);
    }

    private long placeholders(String text, Locale locale) {
        var mark = messages.getMessage("notice.undocumented", null, locale);
        return (text.length() - text.replace(mark, "").length()) / mark.length();
    }

    /**
     * Approves the notice generated from the current map as the next version. While high gaps are open or placeholders
     * remain, the person in charge must record a reason, kept in the ledger with the counts.
     *
     * @throws InvalidInputException naming {@code reason} when one is needed and missing, or too long
     * @throws ConflictException when the notice is the one in force already, or another approval took its number
     */
    @Transactional
    public NoticeVersion approve(Actor actor, String reason) {
        var fr = draft(Locale.FRENCH);
        var en = draft(Locale.ENGLISH);
        var warnings = warnings(gaps.gaps(Locale.FRENCH), fr, en);
        // a reason of no-break or zero-width spaces, or line separators, says nothing (attacker's reviews): none given
        reason = GapDecisionInput.TEXT.prose("reason", reason, GapReport.MAX_REASON, false);
        if (warnings.any() && reason == null) {
            throw new InvalidInputException(
                    "reason", "inventory.notice.reason-required", warnings.openHighGaps(), warnings.placeholders());
        }
        var digest = digest(fr, en);
        var inForce = latest();
        if (inForce.isPresent() && inForce.get().sha256().equals(digest)) { // a version per change, not per click
            throw new ConflictException(
                    "inventory.notice.unchanged", inForce.get().version());
        }
        int version = inForce.map(v -> v.version() + 1).orElse(1);
        var now = clock.instant();
        try {
            jdbc.sql("INSERT INTO inventory_notice_version (version, approved_at, actor_kind, actor_id, sha256,"
                            + " text_fr, text_en, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            version,
                            OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                            actor.kind().name(),
                            actor.id())
                    .params(digest, fr, en, reason)
                    .update();
        } catch (DuplicateKeyException e) { // approved at the same moment by another session: no second version
            throw new ConflictException("inventory.notice.concurrent", version);
        }
        var facts = new java.util.HashMap<>(Map.of("sha256", digest, "version", String.valueOf(version)));
        if (reason != null) { // the text stays with the version: a ledger value is one line of at most 1000 characters
            facts.put(
                    "reasonSha256", Digests.sha256Hex(reason)); // (several lines were a 500); nothing erases the ledger
            facts.putAll(warnings.facts());
        }
        events.publishEvent(Evidence.of(
                now, actor, "inventory.notice-approved", "privacy-notice", String.valueOf(version), Map.copyOf(facts)));
        return get(version);
    }

    /** Every approved version, oldest first, as lists show them: without their texts ({@link #find} reads one whole). */
    @Transactional(readOnly = true)
    public List<NoticeVersion> all() {
        return jdbc.sql("SELECT " + LISTED + " FROM inventory_notice_version ORDER BY version")
                .query(NoticeVersions::map)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<NoticeVersion> find(int version) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM inventory_notice_version WHERE version = ?")
                .params(version)
                .query(NoticeVersions::map)
                .optional();
    }

    @Transactional(readOnly = true)
    public NoticeVersion get(int version) {
        return find(version).orElseThrow(() -> new NotFoundException("inventory.object.notice-version", version));
    }

    @Transactional(readOnly = true)
    public LineDiff diff(int from, int to, Locale locale) {
        return LineDiff.between(from, get(from).text(locale), to, get(to).text(locale));
    }

    private static NoticeVersion map(ResultSet rs, int row) throws SQLException {
        return new NoticeVersion(
                rs.getInt("version"),
                rs.getObject("approved_at", OffsetDateTime.class).toInstant(),
                rs.getString("sha256").trim(),
                rs.getString("text_fr"),
                rs.getString("text_en"),
                rs.getString("reason"));
    }
}
