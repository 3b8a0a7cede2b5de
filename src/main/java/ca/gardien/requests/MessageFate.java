package ca.gardien.requests;

/**
 * What became of a message to the person that has not reached them: {@code HELD} waits in the outbox, no sender taking
 * its channel (no mail server, or texts kept by the shipped sender); {@code UNDELIVERED} left but came back (the mail
 * server refused the recipient, {@code FAILED}, or a bounce was recorded, {@code BOUNCED}). A message sent, on its way,
 * or no longer kept has no fate: nothing says it did not arrive.
 */
@org.springframework.modulith.NamedInterface("views")
public enum MessageFate {
    HELD,
    UNDELIVERED;

    /** The outbox statuses of a message that left and did not arrive. */
    static final java.util.List<String> UNDELIVERED_STATUSES = java.util.List.of("FAILED", "BOUNCED");

    /** The suffix of a message key that says it ({@code .held}, {@code .undelivered}); empty for none. */
    public static String suffix(MessageFate fate) {
        return fate == null ? "" : "." + fate.name().toLowerCase(java.util.Locale.ROOT);
    }
}
