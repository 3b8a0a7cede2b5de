package ca.gardien.incidents;

/** The four kinds of confidentiality incident of s. 3.6 P-39.1. */
@org.springframework.modulith.NamedInterface("views")
public enum IncidentKind {
    /** Access not authorized by law to personal information. */
    ACCESS,
    /** Use not authorized by law of personal information. */
    USE,
    /** Communication not authorized by law of personal information. */
    COMMUNICATION,
    /** Loss of personal information or any other breach of its protection. */
    LOSS_OR_OTHER_BREACH
}
