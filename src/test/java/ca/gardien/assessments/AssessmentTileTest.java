package ca.gardien.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.ProgramTile;
import ca.gardien.organization.Role;
import com.jayway.jsonpath.JsonPath;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboard tile: assessments to do and measures past their due date, in alert when any; staff count only the
 * assessments assigned to them; a measure marked done is no longer late.
 */
class AssessmentTileTest extends AssessmentTestSupport {

    @Autowired
    AssessmentTile tile;

    @Test
    void assessmentsToDoAndLateMeasuresCountByWhoLooks() throws Exception {
        clock.setDay("2027-05-10");
        var staff = person(Role.STAFF);
        var mine = new ProgramTile.Viewer(Optional.of(staff.id()), Set.of(Role.STAFF));
        assertThat(tile.tileFor(mine).orElseThrow().figures().get(0).value()).isZero();
        var body = send("POST", officerBearer(), "/api/v1/assessments", """
                        {"title":"Tuile %s","templateId":"qc-system"}""".formatted(unique("tile")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(body, "$.id");
        var path = "/api/v1/assessments/" + id;
        body = send("POST", officerBearer(), path + "/measures", """
                        {"kind":"training","description":"Former","owner":"RH","dueOn":"2027-05-01"}""")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String measure = JsonPath.read(body, "$.measures[0].id");
        send("PUT", officerBearer(), path + "/assignee", "{\"accountId\":\"" + staff.id() + "\"}")
                .andExpect(status().isOk());

        var figures = tile.tileFor(mine).orElseThrow().figures();
        assertThat(figures.get(0).value()).isEqualTo(1);
        assertThat(figures.get(1).value()).isEqualTo(1);
        assertThat(figures.get(1).tone()).isEqualTo(ProgramTile.Tone.ALERT);
        var everyone = tile.tileFor(new ProgramTile.Viewer(Optional.empty(), Set.of(Role.AUDITOR)))
                .orElseThrow()
                .figures();
        assertThat(everyone.get(0).value()).isGreaterThanOrEqualTo(1);
        assertThat(everyone.get(1).value()).isGreaterThanOrEqualTo(1);

        send("POST", officerBearer(), path + "/measures/" + measure + "/done", "{\"doneOn\":\"2027-05-09\"}")
                .andExpect(status().isOk());
        assertThat(tile.tileFor(mine).orElseThrow().figures().get(1).value()).isZero();
        assertThat(tile.tileFor(new ProgramTile.Viewer(Optional.empty(), Set.of())))
                .isEmpty();
    }
}
