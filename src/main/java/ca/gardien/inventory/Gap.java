package ca.gardien.inventory;

import java.util.List;

/**
 * A legal gap in the data map: the rule's id, severity and legal reference, a plain explanation in the requested
 * language and in both, the offending object ({@code <list>/<id>}) and the other objects involved; its stable
 * {@code id} ({@code <rule>:<list>:<object id>[:<related ids>]}) and the officer's decision on it.
 */
public record Gap(
        String rule,
        String severity,
        String legalReference,
        String explanation,
        Text explanations,
        String object,
        List<String> related,
        String id,
        GapDecision decision) {

    /**
     * The gap's stable id; the other objects involved are part of it, so that one rule raised twice on one object (a
     * secondary purpose of two purposes) makes two gaps, each decided on its own.
     */
    static String idOf(String rule, String object, List<String> related) {
        var id = rule + ":" + object.replace('/', ':');
        return related.isEmpty()
                ? id
                : id + ":"
                        + String.join(
                                ",",
                                related.stream()
                                        .map(r -> r.substring(r.indexOf('/') + 1))
                                        .toList());
    }

    /** The data-map list ({@code thirdParties}) and the object's id, for a link to the item. */
    public String kind() {
        return object.substring(0, object.indexOf('/'));
    }

    public String itemId() {
        return object.substring(object.indexOf('/') + 1);
    }
}
