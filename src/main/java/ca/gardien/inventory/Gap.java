package ca.gardien.inventory;

import java.util.List;

/**
 * A legal gap in the data map: the rule's id, severity and legal reference, a plain explanation in the requested
 * language and in both, the offending object ({@code <list>/<id>}) and the other objects involved; its stable
 * {@code id} ({@code <rule>:<list>:<object id>}) and the officer's decision on it.
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

    static String idOf(String rule, String object) {
        return rule + ":" + object.replace('/', ':');
    }

    /** The data-map list ({@code thirdParties}) and the object's id, for a link to the item. */
    public String kind() {
        return object.substring(0, object.indexOf('/'));
    }

    public String itemId() {
        return object.substring(object.indexOf('/') + 1);
    }
}
