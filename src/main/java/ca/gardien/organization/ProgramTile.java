package ca.gardien.organization;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One module's tile on the console dashboard: a few figures of the program (open, due soon, overdue…), each a link to
 * the console page that lists them. A module publishes its tile as a bean; the console collects every bean of this
 * type, orders them by {@link #order()} and renders their labels from the message bundles, so no module knows the
 * dashboard and the dashboard knows no module.
 */
@org.springframework.modulith.NamedInterface("views")
public interface ProgramTile {

    /** Where the tile sits: lower first. Requests 100, consent 200, data map 300, later modules 400 and up. */
    int order();

    /** The tile this viewer may see, or empty when their roles see nothing of this module. */
    Optional<Tile> tileFor(Viewer viewer);

    /** Who looks at the dashboard: the account (absent for a token) and its roles. */
    record Viewer(Optional<UUID> accountId, Set<Role> roles) {
        public Viewer {
            Objects.requireNonNull(accountId, "accountId");
            roles = Set.copyOf(roles);
        }

        public boolean holds(Role role) {
            return roles.contains(role);
        }

        /** Whether the viewer holds one of these roles at least. */
        public boolean holdsAny(Role... any) {
            return java.util.Arrays.stream(any).anyMatch(roles::contains);
        }
    }

    /**
     * @param titleKey the bundle key of the tile's heading
     * @param link the console page the heading links to; null when there is none yet
     */
    record Tile(String titleKey, String link, List<Figure> figures) {
        public Tile {
            checkKey(titleKey);
            checkLink(link);
            figures = List.copyOf(figures);
        }
    }

    /**
     * @param labelKey the bundle key of the figure's label; the value is its only argument ({@code {0}})
     * @param link the console page listing exactly what the figure counts (a list filtered to it, one row per thing
     *     counted); dropped when the figure counts nothing, since a list of nothing is not worth a click
     * @param tone how urgent the figure reads: {@code ALERT} for something overdue or breached
     */
    record Figure(String labelKey, long value, String link, Tone tone) {
        public Figure {
            checkKey(labelKey);
            checkLink(link);
            if (value == 0) {
                link = null;
            }
            Objects.requireNonNull(tone, "tone");
            if (value < 0) {
                throw new IllegalArgumentException("a figure counts: it cannot be negative");
            }
        }

        public static Figure of(String labelKey, long value, String link) {
            return new Figure(labelKey, value, link, Tone.NEUTRAL);
        }

        /** An alert when there is something to count, neutral at zero. */
        public static Figure alertWhenAny(String labelKey, long value, String link) {
            return new Figure(labelKey, value, link, value > 0 ? Tone.ALERT : Tone.NEUTRAL);
        }
    }

    enum Tone {
        NEUTRAL,
        ATTENTION,
        ALERT
    }

    private static void checkKey(String key) {
        if (key == null || !key.matches("[a-z][a-zA-Z0-9-]*(\\.[a-zA-Z0-9-]+)+")) {
            throw new IllegalArgumentException("a tile label is a message bundle key");
        }
    }

    /** A console page, or none while the module has no page for it yet (the tile then shows plain text). */
    private static void checkLink(String link) {
        if (link != null && !link.startsWith("/console")) {
            throw new IllegalArgumentException("a tile links to a console page, or to none");
        }
    }
}
