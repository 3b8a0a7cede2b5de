package ca.gardien.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The organization's zone has one setting; a zone set under a replaced name stops the start instead of being ignored. */
class OrganizationTimeSettingsTest {

    private static OrganizationProperties zone(String zone) {
        return new OrganizationProperties(
                null, 5, null, 20, null, null, null, 60, zone == null ? null : ZoneId.of(zone));
    }

    @Test
    void theConfiguredZoneIsTheOrganizationsAndTheDefaultIsQuebecs() {
        var clock = Clock.systemUTC();
        assertThat(new OrganizationTime(zone("Europe/Paris"), clock, new MockEnvironment()).zone())
                .isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(new OrganizationTime(zone(null), clock, new MockEnvironment()).zone())
                .isEqualTo(ZoneId.of("America/Toronto"));
    }

    @Test
    void aZoneSetUnderAReplacedNameRefusesToStartNamingTheNewSetting() {
        for (var old : OrganizationTime.REPLACED) {
            var env = new MockEnvironment().withProperty(old, "America/Vancouver");
            assertThatThrownBy(() -> new OrganizationTime(zone(null), Clock.systemUTC(), env))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(old)
                    .hasMessageContaining("gardien.organization.time-zone");
        }
    }
}
