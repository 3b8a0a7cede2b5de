package ca.gardien.consent;

import java.util.UUID;

/**
 * The answer to "may this person's information be used for this purpose now?": {@code ALLOW} or {@code DENY}, a reason
 * code ({@code granted}, {@code no-consent}, {@code refused}, {@code withdrawn}, {@code expired}) and the consent record
 * the answer rests on ({@code null} when there is none).
 */
public record Decision(String decision, String reason, UUID recordId) {

    public static final String ALLOW = "ALLOW";
    public static final String DENY = "DENY";

    static final Decision NO_CONSENT = new Decision(DENY, "no-consent", null);

    public boolean allowed() {
        return ALLOW.equals(decision);
    }
}
