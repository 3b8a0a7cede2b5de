package ca.gardien.governance;

import ca.gardien.shared.TypedText;

/**
 * How the governance forms and API word a refused text: whole sentences next to the field ("This field is required.",
 * "At most 200 characters, without control characters or invisible marks."). The check is {@link TypedText}'s: a
 * heading or a delegation's email with a line end forged lines of the published policy and of mail (attacker's reviews).
 */
final class GovernanceText {

    static final TypedText WORDS =
            new TypedText("governance.field.required", "governance.field.text", "governance.field.text");

    private GovernanceText() {}
}
