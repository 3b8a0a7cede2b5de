package ca.gardien.inventory;

/** The legal checks run on the data map, each with a stable id, a severity and its default legal reference. */
public enum GapRule {
    TRANSFER_WITHOUT_APPROVED_PIA("transfer-without-approved-pia", "high", "P-39.1, s. 17"),
    THIRD_PARTY_WITHOUT_COMMITMENT("third-party-without-commitment", "high", "P-39.1, s. 18.3"),
    CATEGORY_WITHOUT_RETENTION("category-without-retention", "medium", "P-39.1, s. 23"),
    SENSITIVE_WITHOUT_EXPRESS_CONSENT("sensitive-without-express-consent", "high", "P-39.1, s. 12"),
    SECONDARY_PURPOSE_WITHOUT_CONSENT("secondary-purpose-without-consent", "high", "P-39.1, s. 12"),
    SYSTEM_WITHOUT_PIA("system-without-pia", "high", "P-39.1, s. 3.3"),
    PROCESSING_WITHOUT_PURPOSE("processing-without-purpose", "high", "P-39.1, ss. 4, 5, 8"),
    ACCESS_BEYOND_NEED("access-beyond-need", "medium", "P-39.1, s. 20"),
    COMMITMENT_EXPIRING("commitment-expiring", "medium", "P-39.1, s. 18.3");

    /** How long before a written commitment (contract) ends its third party is reported, to renew it in time. */
    static final int COMMITMENT_ALERT_DAYS = 60;

    private final String id;
    private final String severity;
    private final String legalReference;

    GapRule(String id, String severity, String legalReference) {
        this.id = id;
        this.severity = severity;
        this.legalReference = legalReference;
    }

    public String id() {
        return id;
    }

    public String severity() {
        return severity;
    }

    public String defaultLegalReference() {
        return legalReference;
    }
}
