package ca.gardien.organization;

import ca.gardien.ledger.Evidence;
import ca.gardien.shared.Actor;
import ca.gardien.shared.Digests;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The organization profile: read by every public page, changed only by the person in charge. */
@Service
@org.springframework.modulith.NamedInterface({"views", "actions"})
public class Organization {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OrganizationProfiles profiles;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Organization(OrganizationProfiles profiles, ApplicationEventPublisher events, Clock clock) {
        this.profiles = profiles;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<OrganizationProfile> profile() {
        return profiles.find();
    }

    /** Saves the profile; the ledger keeps the digest of what was published, not the contact details. */
    @Transactional
    public OrganizationProfile update(OrganizationProfile profile, Actor actor) {
        profiles.save(profile, clock.instant());
        var digest = Digests.sha256Hex(JSON.writeValueAsString(profile).getBytes(StandardCharsets.UTF_8));
        events.publishEvent(Evidence.of(
                clock.instant(),
                actor,
                "organization.profile-updated",
                "organization",
                "profile",
                Map.of("sha256", digest, "actingDesignated", String.valueOf(profile.acting() != null))));
        return profile;
    }
}
