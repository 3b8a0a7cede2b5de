package ca.gardien.organization;

import ca.gardien.ledger.Evidence;
import ca.gardien.shared.Actor;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.Digests;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
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

    /** A profile's version: the SHA-256 of its JSON (the API's ETag, the console form's basis, the ledger's digest). */
    public static String version(OrganizationProfile profile) {
        return Digests.sha256Hex(JSON.writeValueAsString(profile).getBytes(StandardCharsets.UTF_8));
    }

    /** Saves the profile; the ledger keeps the digest of what was published, not the contact details. */
    @Transactional
    public OrganizationProfile update(OrganizationProfile profile, Actor actor) {
        return update(profile, (Predicate<String>) null, actor);
    }

    /**
     * Saves the profile if it is still the one {@code basis} names ({@link #version}; any when null): a form opened
     * before someone else saved, then sent, would put back what they changed without anyone knowing (attacker's
     * review: a new person in charge replaced by the old one from a stale console form).
     *
     * @throws ConflictException when the profile changed since {@code basis} was read
     */
    @Transactional
    public OrganizationProfile update(OrganizationProfile profile, String basis, Actor actor) {
        return update(profile, basis == null ? null : current -> current == null || current.equals(basis), actor);
    }

    /**
     * Saves the profile if {@code expected} accepts the current version ({@link #version}, null when there is no
     * profile yet; any when {@code expected} is null): the API's If-Match.
     *
     * @throws ConflictException when it does not
     */
    @Transactional
    public OrganizationProfile update(OrganizationProfile profile, Predicate<String> expected, Actor actor) {
        var current = profiles.findForUpdate(); // held until commit: two forms of one basis, one saves
        if (expected != null
                && !expected.test(current.map(Organization::version).orElse(null))) {
            throw new ConflictException("organization.conflict.profile-changed");
        }
        var digest = version(profile);
        if (current.map(Organization::version).filter(digest::equals).isPresent()) {
            return profile; // the same profile again: nothing changed, nothing to record (attacker's review)
        }
        profiles.save(profile, clock.instant());
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
