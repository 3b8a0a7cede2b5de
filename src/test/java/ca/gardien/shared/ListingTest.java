package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListingTest {

    @Test
    void quotesFieldsPerRfc4180AndNeutralizesSpreadsheetFormulas() {
        assertThat(Listing.quote("plain")).isEqualTo("plain");
        assertThat(Listing.quote(null)).isEmpty();
        assertThat(Listing.quote("a,b")).isEqualTo("\"a,b\"");
        assertThat(Listing.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Listing.quote("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
        for (var formula : List.of(
                "=1+1",
                "+1",
                "-1",
                "@SUM(A1)",
                "\tcmd",
                "\rcmd",
                " =1+1",
                "  @SUM(A1)",
                "\uFF1D1+1",
                " \uFF0B1",
                "\uFF20SUM(A1)",
                "\u00A0=1",
                "\u200B=1",
                "\uFEFF@x")) {
            assertThat(Listing.quote(formula)).as(formula).startsWith("\"'").endsWith("\"");
        }
        assertThat(Listing.csv(List.of("a", "b"), List.of(List.of("1", "=x")))).isEqualTo("a,b\r\n1,\"'=x\"\r\n");
        assertThat(Listing.quote("a = b")).as("a sign inside a value").isEqualTo("a = b");
    }

    @Test
    void aFormulaAfterASemicolonIsNeutralizedForSpreadsheetsThatSplitOnSemicolons() {
        // French Excel splits on ';': "Facturation;=cmd|..." would start a cell with a formula (attacker review)
        assertThat(Listing.quote("Facturation;=cmd|' /C calc'!A0;")).isEqualTo("\"Facturation;'=cmd|' /C calc'!A0;\"");
        assertThat(Listing.quote("a; \u200B+1;-2;@x")).isEqualTo("\"a;' \u200B+1;'-2;'@x\"");
        assertThat(Listing.quote("rue A; app. 3"))
                .as("a plain semicolon is only quoted")
                .isEqualTo("\"rue A; app. 3\"");
        // split on ';' as French Excel would, no cell starts with a formula sign
        for (var cell : Listing.quote("x;=1;\t+2; -3").split(";")) {
            assertThat(Listing.formulaLike(cell.replace("\"", ""))).as(cell).isFalse();
        }
    }

    @Test
    void aCursorRoundTripsAndAMalformedOneStartsFromTheFirstPage() {
        var cursor = Listing.cursor(List.of("2026-06-10", "id,with\u00e9"));
        assertThat(Listing.keyset(cursor, 2)).contains(List.of("2026-06-10", "id,with\u00e9"));
        assertThat(Listing.keyset(cursor, 1)).isEmpty();
        assertThat(Listing.keyset("%%%", 2)).isEmpty();
        assertThat(Listing.keyset(null, 2)).isEmpty();
        assertThat(Listing.keyset("x".repeat(1000), 1)).isEmpty();
    }

    @Test
    void anUnknownSortKeyFallsBackAndPageSizesAreBounded() {
        assertThat(Listing.sort("due", Set.of("due", "received"), "received")).isEqualTo("due");
        assertThat(Listing.sort("id; DROP TABLE x", Set.of("due"), "due")).isEqualTo("due");
        assertThat(Listing.size(null)).isEqualTo(Listing.PAGE_SIZE);
        assertThat(Listing.size(-3)).isEqualTo(Listing.PAGE_SIZE);
        assertThat(Listing.size(1_000_000)).isEqualTo(Listing.MAX_SIZE);
        assertThat(Listing.contains("50%_a\\b")).isEqualTo("%50\\%\\_a\\\\b%");
        assertThat(Listing.search("  " + "y".repeat(300))).hasSize(100);
        assertThat(Listing.search("   ")).isNull();
    }

    @Test
    void aPageKeepsOneRowMoreOnlyToKnowThereIsANextPage() {
        var page = Listing.Page.of(List.of(1, 2, 3), 2, n -> List.of(n.toString()));
        assertThat(page.rows()).containsExactly(1, 2);
        assertThat(Listing.keyset(page.next(), 1)).contains(List.of("2"));
        assertThat(Listing.Page.of(List.of(1, 2), 2, n -> List.of(n.toString())).next())
                .isNull();
    }

    @Test
    void exportsFollowTheCursorsUpToTheLimitAndCursorsReadSequencesLeniently() {
        java.util.function.Function<String, Listing.Page<Integer>> pages = cursor -> {
            int start = cursor == null
                    ? 0
                    : Integer.parseInt(Listing.keyset(cursor, 1).orElseThrow().getFirst());
            var rows = java.util.stream.IntStream.range(start + 1, Math.min(start + 4, 8))
                    .boxed()
                    .toList();
            return Listing.Page.of(rows, 2, n -> List.of(n.toString()));
        };
        assertThat(Listing.lines(pages, n -> List.of(n.toString()), 100)).hasSize(7);
        assertThat(Listing.lines(pages, n -> List.of(n.toString()), 3)).hasSize(4);
        assertThat(Listing.sequence(Listing.cursor(List.of("42")))).isEqualTo(42L);
        assertThat(Listing.sequence(Listing.cursor(List.of("-1")))).isNull();
        assertThat(Listing.sequence("%%%")).isNull();
    }
}
