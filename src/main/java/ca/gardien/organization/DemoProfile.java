package ca.gardien.organization;

import ca.gardien.shared.Actor;
import ca.gardien.shared.FirstStart;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * On an empty embedded installation, fills in the demo organization: the reference customer of the seed policy, with
 * the roles its §7 names (Director of Operations in charge, the President acting) and synthetic contact details. Nodes
 * started together fill it in once ({@link FirstStart}).
 */
@Component
@ConditionalOnProperty(name = "gardien.demo.enabled", havingValue = "true")
class DemoProfile implements ApplicationRunner {

    private final Organization organization;
    private final FirstStart firstStart;

    DemoProfile(Organization organization, FirstStart firstStart) {
        this.organization = organization;
        this.firstStart = firstStart;
    }

    @Override
    public void run(ApplicationArguments args) {
        firstStart.once(this::fillIn);
    }

    private void fillIn() {
        if (organization.profile().isPresent()) {
            return;
        }
        organization.update(
                new OrganizationProfile(
                        "Groupe Ingeno inc.",
                        null,
                        new OrganizationProfile.Address(
                                "330, rue Saint-Vallier Est, bureau 025", "Québec", "Québec", "G1K 9C5", "Canada"),
                        new OrganizationProfile.PersonInCharge(
                                "Alex Exemple",
                                "Directeur des opérations",
                                "Director of Operations",
                                "confidentialite@ingeno.example",
                                "+1 555 010 0000"),
                        new OrganizationProfile.PersonInCharge(
                                "Sam Exemple", "Président", "President", "presidence@ingeno.example", null)),
                Actor.SYSTEM);
    }
}
