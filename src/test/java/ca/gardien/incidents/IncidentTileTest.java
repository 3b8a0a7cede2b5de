package ca.gardien.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.organization.ProgramTile;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import ca.gardien.support.WebTestSupport;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** The incidents tile: open entries, unsent required notices, hours since awareness in alert past the last threshold. */
@Import(IncidentsTestConfiguration.class)
class IncidentTileTest extends WebTestSupport {

    @Autowired
    Incidents incidents;

    @Autowired
    IncidentTile tile;

    @Test
    void aSeriousEntryUnsentForEightyHoursCountsAndReadsAsAnAlertAndStaffSeeNoTile() {
        var officer = Actor.account(officerId());
        var aware = OffsetDateTime.now(ZoneOffset.ofHours(-5)).minusHours(80);
        var id = incidents
                .record(
                        new IncidentDetails(
                                "Tile",
                                IncidentKind.ACCESS,
                                "Names",
                                null,
                                "Lost box",
                                aware.toLocalDate(),
                                null,
                                false,
                                aware,
                                3L,
                                null,
                                false,
                                List.of(),
                                List.of()),
                        officer)
                .id();
        incidents.assess(
                id,
                RiskAssessmentTest.answers(Level.HIGH, Level.HIGH, Level.HIGH, null, null)
                        .withConsultedOn(aware.toLocalDate()),
                officer);
        var shown = tile.tileFor(new ProgramTile.Viewer(Optional.empty(), Set.of(Role.AUDITOR)))
                .orElseThrow();
        var figures = shown.figures();
        assertThat(figures.get(0).value()).isGreaterThanOrEqualTo(1);
        assertThat(figures.get(1).value()).isGreaterThanOrEqualTo(1);
        assertThat(figures.get(1).tone()).isEqualTo(ProgramTile.Tone.ALERT);
        assertThat(figures.get(2).value()).isGreaterThanOrEqualTo(80);
        assertThat(figures.get(2).tone()).isEqualTo(ProgramTile.Tone.ALERT);
        assertThat(tile.tileFor(new ProgramTile.Viewer(Optional.empty(), Set.of(Role.STAFF))))
                .isEmpty();
    }
}
