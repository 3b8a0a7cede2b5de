package ca.gardien.inventory;

import java.util.List;

/**
 * A legal gap in the data map: the rule's id, severity and legal reference, a plain explanation in the requested
 * language and in both, the offending object ({@code <list>/<id>}) and the other objects involved.
 */
public record Gap(
        String rule,
        String severity,
        String legalReference,
        String explanation,
        Text explanations,
        String object,
        List<String> related) {}
