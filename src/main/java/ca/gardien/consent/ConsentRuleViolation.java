package ca.gardien.consent;

/** A consent request that breaks a legal rule; rendered as a 422 problem naming the rule. */
class ConsentRuleViolation extends RuntimeException {

    private final transient ConsentRules.Rule rule;

    ConsentRuleViolation(ConsentRules.Rule rule) {
        super(rule.explanation());
        this.rule = rule;
    }

    ConsentRules.Rule rule() {
        return rule;
    }
}
