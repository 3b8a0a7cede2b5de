package ca.gardien.inventory;

import java.util.Optional;

/**
 * What the module holding privacy impact assessments says of a data-map object ({@code transfers/<id>},
 * {@code systems/<id>}): implemented outside this module, so that the gap "without an approved PIA" is cleared by an
 * approved assessment of the object as it now is, and kept with the reasons of a refusal.
 */
public interface PiaCoverage {

    /** Whether the latest assessment of the object is approved. */
    boolean approved(String object);

    /** The reasons of the refusal, when the latest assessment of the object was rejected. */
    Optional<String> rejection(String object);
}
