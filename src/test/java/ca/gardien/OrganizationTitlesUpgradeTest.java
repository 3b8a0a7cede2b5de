package ca.gardien;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.support.PostgresCondition;
import ca.gardien.support.SchemaUpgrades;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An installation whose demo profile holds both languages in one title ("Directeur des opérations / Director of
 * Operations") upgrades on H2 and on PostgreSQL to a French and an English title (V39_6); a title the organization
 * typed itself is left as it is, with no English title.
 */
class OrganizationTitlesUpgradeTest {

    @Test
    void anH2DemoProfilesTwoLanguageTitlesAreSplit() {
        upgrades("jdbc:h2:mem:titles-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "h2", null);
    }

    @Test
    @ExtendWith(PostgresCondition.class)
    void aPostgresDemoProfilesTwoLanguageTitlesAreSplit() throws Exception {
        SchemaUpgrades.inFreshPostgresSchema(
                "gardien_titles_", (url, schema) -> upgrades(url, null, "postgresql", schema));
    }

    private static void upgrades(String url, String user, String vendor, String schema) {
        var config = SchemaUpgrades.flyway(url, user, vendor, schema);
        config.target("39.5").load().migrate();
        var jdbc = JdbcClient.create(new DriverManagerDataSource(url, user, ""));
        jdbc.sql("INSERT INTO organization_profile (id, legal_name, street, city, province, postal_code, country,"
                        + " officer_name, officer_title, officer_email, acting_name, acting_title, acting_email,"
                        + " updated_at, version) VALUES (1, 'Exemple inc.', '1 rue Exemple', 'Québec', 'Québec',"
                        + " 'G1A 0A1', 'Canada', 'Alex Exemple', 'Directeur des opérations / Director of Operations',"
                        + " 'rp@example.test', 'Sam Exemple', 'Président / President', 'pdg@example.test',"
                        + " CURRENT_TIMESTAMP, 0)")
                .update();

        config.target("latest").load().migrate();

        var row = jdbc.sql("SELECT officer_title, officer_title_en, acting_title, acting_title_en"
                        + " FROM organization_profile WHERE id = 1")
                .query()
                .singleRow(); // column names in any case (LinkedCaseInsensitiveMap)
        assertThat(row.get("officer_title")).isEqualTo("Directeur des opérations");
        assertThat(row.get("officer_title_en")).isEqualTo("Director of Operations");
        assertThat(row.get("acting_title")).isEqualTo("Président");
        assertThat(row.get("acting_title_en")).isEqualTo("President");
    }
}
