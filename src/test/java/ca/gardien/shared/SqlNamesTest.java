package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one definition of a table or column name taken from a person (data map, legal holds, the retention form). */
class SqlNamesTest {

    @Test
    void aNameIsALetterOrUnderscoreThenLettersDigitsUnderscoresOrDollarsUpTo128() {
        assertThat(SqlNames.isName("orders")).isTrue();
        assertThat(SqlNames.isName("_tmp$1")).isTrue();
        assertThat(SqlNames.isName("a".repeat(128))).isTrue();
        assertThat(SqlNames.isName("a".repeat(129))).isFalse();
        assertThat(SqlNames.isName("1orders")).isFalse();
        assertThat(SqlNames.isName("$orders")).isFalse();
        assertThat(SqlNames.isName("web visits")).isFalse();
        assertThat(SqlNames.isName("commandes_é")).isFalse();
        assertThat(SqlNames.isName("orders;drop")).isFalse();
        assertThat(SqlNames.isName("")).isFalse();
        assertThat(SqlNames.isName(null)).isFalse();
    }

    @Test
    void aQualifiedNameIsTwoNamesJoinedByOneDot() {
        assertThat(SqlNames.isQualified("orders.customer_id")).isTrue();
        assertThat(SqlNames.isQualified("orders")).isFalse();
        assertThat(SqlNames.isQualified(".id")).isFalse();
        assertThat(SqlNames.isQualified("a.b.c")).isFalse();
        assertThat(SqlNames.isQualified(null)).isFalse();
    }
}
