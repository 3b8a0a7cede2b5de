package ca.gardien.inventory;

import java.util.List;

/** One gap found in the map: which rule, on which object ({@code <list>/<id>}), and the other objects involved. */
record Finding(GapRule rule, String object, List<String> related) {

    Finding {
        related = List.copyOf(related);
    }

    Finding(GapRule rule, String object) {
        this(rule, object, List.of());
    }
}
