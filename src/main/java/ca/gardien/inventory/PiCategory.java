package ca.gardien.inventory;

/**
 * A category of personal information. {@code sensitive} follows s. 12: medical, biometric or otherwise intimate by
 * nature, or sensitive by the context of its use. {@code fideslang} and {@code dpv} are the matching identifiers of the
 * Fideslang taxonomy and of the W3C Data Privacy Vocabulary.
 */
public record PiCategory(String id, Text name, boolean sensitive, String fideslang, String dpv)
        implements DataMap.Item {}
