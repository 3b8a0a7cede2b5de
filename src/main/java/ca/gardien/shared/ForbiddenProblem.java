package ca.gardien.shared;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * The one body of every API 403, whether the security filters or a controller's role check refused the call: the same
 * type, title, status and detail in the caller's language, and no {@code instance}, so that the answer says nothing
 * about whether the path exists or which check refused it.
 */
public final class ForbiddenProblem {

    private ForbiddenProblem() {}

    public static Map<String, Object> body(MessageSource messages, Locale language) {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", ProblemTypes.FORBIDDEN.toString());
        body.put("title", messages.getMessage("problem.forbidden.title", null, language));
        body.put("status", 403);
        body.put("detail", messages.getMessage("problem.forbidden", null, language));
        return body;
    }
}
