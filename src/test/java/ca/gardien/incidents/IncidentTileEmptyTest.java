package ca.gardien.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.organization.ProgramTile;
import ca.gardien.organization.Role;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/** With no incident to handle the tile says so and shows no "0 h since awareness". */
class IncidentTileEmptyTest {

    @Test
    void noOpenIncidentShowsNoHoursSinceAwareness() {
        var incidents = Mockito.mock(Incidents.class);
        Mockito.when(incidents.all()).thenReturn(List.of());
        var shown = new IncidentTile(incidents)
                .tileFor(new ProgramTile.Viewer(Optional.empty(), Set.of(Role.PRIVACY_OFFICER)))
                .orElseThrow();
        assertThat(shown.figures())
                .extracting(ProgramTile.Figure::labelKey)
                .containsExactly("incidents.tile.open", "incidents.tile.unsent");
        assertThat(shown.figures().get(0).value()).isZero();
    }
}
