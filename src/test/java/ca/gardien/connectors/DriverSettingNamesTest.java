package ca.gardien.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The fuzz oracle reads setting names as the drivers do: what it flags, H2 runs; what it passes, no driver reads. */
class DriverSettingNamesTest {

    @Test
    void flagsTheDotlessISpellingOfInitThatH2Runs() throws Exception {
        var table = "PROBE_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        var url = "jdbc:h2:mem:" + table + ";\u0131nit=CREATE TABLE " + table + "(X INT)";

        try (var connection = DriverManager.getConnection(url, "sa", "");
                var tables = connection.getMetaData().getTables(null, null, table, null)) {
            assertThat(tables.next())
                    .as("H2 ran the INIT setting spelt with a dotless i")
                    .isTrue();
        }
        assertThat(DriverSettingNames.h2Settings(url, DriverSettingNames.H2_SCRIPTS))
                .containsExactly("INIT");
    }

    @Test
    void readsNamesWhereEachDriverReadsThem() {
        assertThat(DriverSettingNames.names("jdbc:h2:mem:x;A=1;b=2?c=3&d=4")).containsExactly("A", "b");
        assertThat(DriverSettingNames.names("jdbc:postgresql://h/init=1?ssl=true&socketFactory=x;y=1"))
                .containsExactly("ssl", "socketFactory");
        assertThat(DriverSettingNames.names("jdbc:h2:mem:x;INIT")).isEmpty();
    }

    @Test
    void passesSpellingsTheDriversDoNotFold() {
        // H2 neither trims, decodes nor folds the dotted capital I; MariaDB and pgjdbc ignore H2 settings
        assertThat(DriverSettingNames.h2Settings(
                        "jdbc:h2:mem:x; INIT=1;%49NIT=1;\u0130NIT=1", DriverSettingNames.H2_SCRIPTS))
                .isEmpty();
        assertThat(DriverSettingNames.h2Settings("jdbc:postgresql://h/db?\u0131nit=1", DriverSettingNames.H2_SCRIPTS))
                .isEmpty();
        assertThat(DriverSettingNames.driverProperties(
                        "jdbc:mariadb://h/db?SOCKETFACTORY=x&sslHostnameVerifier=y", DriverSettingNames.DRIVER_CLASSES))
                .containsExactly("socketfactory", "sslhostnameverifier");
    }

    @Test
    void guidanceSeparatesSpellingsThatReachTheNameThroughFolding() {
        int plain = DriverSettingNames.progress("jdbc:h2:mem:x;INI=1", "INIT");
        int folded = DriverSettingNames.progress("jdbc:h2:mem:x;\u0131NI=1", "INIT");
        int longer = DriverSettingNames.progress("jdbc:h2:mem:x;\u0131NIT=1", "INIT");

        assertThat(folded).as("same prefix, reached through a folded letter").isEqualTo(plain + 1);
        assertThat(longer).isGreaterThan(folded);
        assertThat(DriverSettingNames.progress("jdbc:h2:mem:x;\u0131=1", "INIT"))
                .isGreaterThan(DriverSettingNames.progress("jdbc:h2:mem:x;I=1", "INIT"));
    }
}
