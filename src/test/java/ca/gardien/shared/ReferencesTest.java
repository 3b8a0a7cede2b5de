package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** References as staff type them: any case, spaces around, the number with or without its leading zeros. */
class ReferencesTest {

    @Test
    void aTypedReferenceIsReadAsItIsStored() {
        assertThat(References.parse(" r-2026-42 ")).isEqualTo("R-2026-00042");
        assertThat(References.parse("R-2026-00042")).isEqualTo("R-2026-00042");
        assertThat(References.parse("c-2025-000007")).isEqualTo("C-2025-00007");
        assertThat(References.parse("R-2026-1234567")).isEqualTo("R-2026-1234567");
    }

    @Test
    void anythingElseIsNotAReference() {
        assertThat(References.parse(null)).isNull();
        assertThat(References.parse("R-26-1")).isNull();
        assertThat(References.parse("R-2026-")).isNull();
        assertThat(References.parse("RR-2026-1")).isNull();
        assertThat(References.parse("R-2026-0000%")).isNull();
        assertThat(References.parse("' OR 1=1 --")).isNull();
        assertThat(References.parse("R-2026-" + "9".repeat(19))).isNull(); // past a long: not a number we hand out
    }
}
