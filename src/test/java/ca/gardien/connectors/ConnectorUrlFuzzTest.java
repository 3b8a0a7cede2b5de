package ca.gardien.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.connectors.jdbc.JdbcConnectorFactory;
import ca.gardien.connectors.jdbc.JdbcTargets;
import ca.gardien.connectors.spi.ConnectorFactory;
import ca.gardien.connectors.spi.ConnectorSettings;
import com.code_intelligence.jazzer.api.Jazzer;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.support.StaticMessageSource;

/**
 * The JDBC connector's URL check, fuzzed through the public SPI entry point {@link ConnectorFactory#problems}: a URL it
 * accepts must not set, under any spelling a driver would fold to it, a setting that runs SQL or instantiates a class
 * at connection. The deny-list this check replaced let {@code ınit=} through (finding C1); its corpus keeps that input
 * and the other settings fuzzing found it let through. Regression inputs, crashes included, are in
 * {@code src/test/resources/ca/gardien/connectors/ConnectorUrlFuzzTestInputs/}; fuzz with
 * {@code JAZZER_FUZZ=1 ./mvnw test -Dtest='ConnectorUrlFuzzTest'}.
 */
class ConnectorUrlFuzzTest {

    /**
     * The factory as the application makes it, in its most permissive built-in configuration: H2 enabled (as the
     * test configuration does), Gardien's own database an H2 file as in the embedded default.
     */
    static ConnectorFactory jdbcFactory() {
        var properties = new Binder(
                        new MapConfigurationPropertySource(Map.of("gardien.connectors.jdbc.h2-enabled", "true")))
                .bindOrCreate("gardien.connectors", ConnectorsProperties.class);
        var own = new HikariDataSource(); // never connected: only its URL is read
        own.setJdbcUrl("jdbc:h2:file:./data/gardien;WRITE_DELAY=0");
        return new JdbcConnectorFactory(
                properties, new JdbcTargets(properties, own), new ConnectorMessages(new StaticMessageSource()));
    }

    private static final ConnectorFactory FACTORY = jdbcFactory();

    @FuzzTest(maxDuration = "10m")
    // Driver prefixes and settings, and every character whose English or per-character case mapping is ASCII:
    // the characters that make a deny-list written against lower case miss a name the driver upper-cases.
    @DictionaryEntries({
        "jdbc:h2:mem:",
        "jdbc:h2:file:",
        "jdbc:postgresql://db.example.test/crm",
        "jdbc:mariadb://db.example.test/crm",
        ";",
        "?",
        "&",
        "=",
        "%",
        "init",
        "runscript",
        "database_event_listener",
        "java_object_serializer",
        "socketFactory",
        "sslfactory",
        "sslhostnameverifier",
        "sslpasswordcallback",
        "authenticationPluginClassName",
        "tlsSocketType",
        "allowLoadLocalInfile",
        "autoDeserialize",
        "queryInterceptors",
        "\u00DF",
        "\u0130",
        "\u0131",
        "\u0149",
        "\u017F",
        "\u01F0",
        "\u1E96",
        "\u1E97",
        "\u1E98",
        "\u1E99",
        "\u1E9A",
        "\u212A",
        "\uFB00",
        "\uFB01",
        "\uFB02",
        "\uFB03",
        "\uFB04",
        "\uFB05",
        "\uFB06"
    })
    void acceptsNoUrlThatADriverWouldReadAsAScriptOrAClassToLoad(byte[] input) {
        var url = new String(input, StandardCharsets.UTF_8);
        var settings = new ConnectorSettings("fuzz", "jdbc", url, "gardien", "secret", Map.of());

        var problems = FACTORY.problems(settings);

        if (problems.isEmpty()) {
            for (var target : DriverSettingNames.all()) {
                Jazzer.exploreState(DriverSettingNames.progress(url, target), target.hashCode());
            }
            runsNoScriptAtConnection(url);
            loadsNoH2ClassNamedInTheUrl(url);
            loadsNoDriverClassNamedInTheUrl(url);
        } else {
            assertThat(problems).allSatisfy(p -> assertThat(p.field()).isNotBlank());
        }
    }

    // One assertion per class of finding, each in its own method: their findings get distinct deduplication tokens,
    // so that a fuzzing run can ignore a known one (JAZZER_IGNORE=<token>) and keep looking for the others.

    private static void runsNoScriptAtConnection(String url) {
        assertThat(DriverSettingNames.h2Settings(url, DriverSettingNames.H2_SCRIPTS))
                .as("H2 settings that run SQL at connection, in an accepted URL")
                .isEmpty();
    }

    private static void loadsNoH2ClassNamedInTheUrl(String url) {
        assertThat(DriverSettingNames.h2Settings(url, DriverSettingNames.H2_CLASSES))
                .as("H2 settings that instantiate a class, in an accepted URL")
                .isEmpty();
    }

    private static void loadsNoDriverClassNamedInTheUrl(String url) {
        assertThat(DriverSettingNames.driverProperties(url, DriverSettingNames.DRIVER_CLASSES))
                .as("driver properties that instantiate a class or replace the socket, in an accepted URL")
                .isEmpty();
    }
}
