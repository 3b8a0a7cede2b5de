package ca.gardien.governance;

import ca.gardien.organization.ProgramTile;
import ca.gardien.organization.Role;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The dashboard tile of the governance policies (art. 3.2): the versions sent to review that wait for the person in
 * charge's approval, and the approved versions not yet published on the website, each opening the policies page
 * filtered to exactly those (officer's walk: nothing on the dashboard said a version waited for approval). For the
 * person in charge, delegates and auditors, as the training tile.
 */
@Component
class PolicyTile implements ProgramTile {

    /** The policies page's filter of the policies whose last version is in review (to approve). */
    static final String TO_APPROVE = "to-approve";

    /** The policies page's filter of the policies whose last version is approved but not published. */
    static final String TO_PUBLISH = "to-publish";

    private final PolicyReads reads;

    PolicyTile(PolicyReads reads) {
        this.reads = reads;
    }

    @Override
    public int order() {
        return 610;
    }

    @Override
    public Optional<Tile> tileFor(Viewer viewer) {
        if (!viewer.holdsAny(Role.PRIVACY_OFFICER, Role.DELEGATE, Role.AUDITOR)) {
            return Optional.empty();
        }
        var all = reads.all();
        var link = PolicyPages.BASE;
        return Optional.of(new Tile(
                "governance.policy-tile.title",
                link,
                List.of(
                        Figure.of(
                                "governance.policy-tile.to-approve",
                                filter(all, TO_APPROVE).size(),
                                link + "?show=" + TO_APPROVE),
                        Figure.of(
                                "governance.policy-tile.to-publish",
                                filter(all, TO_PUBLISH).size(),
                                link + "?show=" + TO_PUBLISH))));
    }

    /** The filter asked for, when the page knows it; else null (every policy). */
    static String shown(String asked) {
        return TO_APPROVE.equals(asked) || TO_PUBLISH.equals(asked) ? asked : null;
    }

    /** The policies a filter shows, exactly those its figure counts: the tile and the page count with this. */
    static List<PolicySummary> filter(List<PolicySummary> policies, String shown) {
        return policies.stream()
                .filter(p -> shown == null
                        || (TO_APPROVE.equals(shown) && p.lastStatus() == PolicyStatus.REVIEW)
                        || (TO_PUBLISH.equals(shown) && p.lastStatus() == PolicyStatus.APPROVED))
                .toList();
    }
}
