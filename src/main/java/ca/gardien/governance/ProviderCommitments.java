package ca.gardien.governance;

import ca.gardien.inventory.Inventory;
import ca.gardien.inventory.ThirdParty;
import ca.gardien.ledger.Evidence;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service providers held to the policy (seed §14): for each service provider of the data map, its written commitment
 * to the policy (the signed document's SHA-256, signature date, expiry, the measures it requires). The commitment
 * recorded last decides. A provider without one, or whose commitment has lapsed, is a gap; one that ends within
 * {@value #ALERT_DAYS} days is an alert ({@link ProviderFindings}). Ledger fact {@code governance.commitment-recorded}.
 */
@Service
public class ProviderCommitments {

    static final int ALERT_DAYS = 60;
    static final String SERVICE_PROVIDER = "service-provider";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** A commitment as recorded. */
    public record Commitment(
            UUID id,
            String thirdPartyId,
            String documentSha256,
            LocalDate signedOn,
            LocalDate expiresOn,
            String measures,
            Instant recordedAt) {}

    /** A commitment as sent. */
    public record NewCommitment(String documentSha256, String signedOn, String expiresOn, String measures) {}

    /** Where a provider stands: {@code MISSING}, {@code LAPSED}, {@code EXPIRING} or {@code CURRENT}. */
    public enum Standing {
        MISSING,
        LAPSED,
        EXPIRING,
        CURRENT
    }

    /** A service provider of the data map with its last commitment, if any. */
    public record Provider(String id, String name, Standing standing, Commitment commitment) {}

    private final JdbcClient jdbc;
    private final Inventory inventory;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ca.gardien.organization.OrganizationTime time;

    ProviderCommitments(
            JdbcClient jdbc,
            Inventory inventory,
            ApplicationEventPublisher events,
            Clock clock,
            ca.gardien.organization.OrganizationTime time) {
        this.jdbc = jdbc;
        this.inventory = inventory;
        this.events = events;
        this.clock = clock;
        this.time = time;
    }

    /** Every service provider of the current data map, in its order, with where it stands today. */
    @Transactional(readOnly = true)
    public List<Provider> providers(java.util.Locale locale) {
        var today = time.today();
        return inventory.current().thirdParties().stream()
                .filter(t -> SERVICE_PROVIDER.equals(t.kind()))
                .map(t -> {
                    var last = last(t.id());
                    return new Provider(t.id(), t.name(locale), standing(last, today), last.orElse(null));
                })
                .toList();
    }

    static Standing standing(Optional<Commitment> last, LocalDate today) {
        if (last.isEmpty() || last.get().signedOn().isAfter(today)) {
            return Standing.MISSING;
        }
        var ends = last.get().expiresOn();
        if (ends != null && ends.isBefore(today)) {
            return Standing.LAPSED;
        }
        return ends != null && !ends.isAfter(today.plusDays(ALERT_DAYS)) ? Standing.EXPIRING : Standing.CURRENT;
    }

    @Transactional
    Commitment record(String thirdPartyId, NewCommitment body, GovernanceCaller caller) {
        caller.requireWriter();
        ThirdParty party = inventory.current().thirdParties().stream()
                .filter(t -> t.id().equals(thirdPartyId) && SERVICE_PROVIDER.equals(t.kind()))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("governance.provider"));
        var errors = new ArrayList<FieldError>();
        if (body.documentSha256() == null
                || !SHA256.matcher(body.documentSha256()).matches()) {
            errors.add(FieldError.of("documentSha256", "governance.field.sha256"));
        }
        var signedOn = GovernanceText.date(errors, "signedOn", body.signedOn(), true);
        if (signedOn != null && signedOn.isAfter(time.today())) {
            // a commitment not signed yet would count the provider as committed today
            errors.add(FieldError.of("signedOn", "governance.field.signed-in-future"));
            signedOn = null;
        }
        var expiresOn = GovernanceText.date(errors, "expiresOn", body.expiresOn(), false);
        if (signedOn != null && expiresOn != null && !expiresOn.isAfter(signedOn)) {
            errors.add(FieldError.of("expiresOn", "governance.field.ends-before-start"));
        }
        var measures = GovernanceText.WORDS.prose(errors, "measures", body.measures(), 2000, true);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var saved = new Commitment(
                UUID.randomUUID(),
                party.id(),
                body.documentSha256(),
                signedOn,
                expiresOn,
                measures.strip(),
                clock.instant());
        jdbc.sql("INSERT INTO governance_provider_commitment (id, third_party_id, document_sha256, signed_on,"
                        + " expires_on, measures, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        saved.id(),
                        saved.thirdPartyId(),
                        saved.documentSha256(),
                        signedOn,
                        expiresOn,
                        saved.measures(),
                        PolicyStore.time(saved.recordedAt()))
                .update();
        var payload = new HashMap<String, String>();
        payload.put("thirdParty", party.id());
        payload.put("documentSha256", saved.documentSha256());
        payload.put("signedOn", signedOn.toString());
        if (expiresOn != null) {
            payload.put("expiresOn", expiresOn.toString());
        }
        events.publishEvent(Evidence.of(
                clock.instant(), caller.actor(), "governance.commitment-recorded", "commitment", saved.id(), payload));
        return saved;
    }

    private Optional<Commitment> last(String thirdPartyId) {
        return jdbc
                .sql("SELECT * FROM governance_provider_commitment WHERE third_party_id = ? ORDER BY seq DESC")
                .param(thirdPartyId)
                .query((rs, n) -> new Commitment(
                        rs.getObject("id", UUID.class),
                        rs.getString("third_party_id"),
                        rs.getString("document_sha256"),
                        rs.getObject("signed_on", LocalDate.class),
                        rs.getObject("expires_on", LocalDate.class),
                        rs.getString("measures"),
                        PolicyStore.instant(rs, "recorded_at")))
                .stream()
                .findFirst();
    }
}
