package ca.gardien.mail;

/**
 * Sends a text message to a phone number. The shipped implementation only stores the message in the outbox (no paid
 * service is needed, nothing is logged); declare a bean of this type to send through a provider.
 */
public interface SmsSender {

    /** Sends (or stores) the message; its channel is {@link Message.Channel#SMS}. */
    void send(Message message);

    /**
     * Whether the messages given to this sender stay in the outbox and never reach the phone: true for the shipped
     * sender, which only stores them; a sender through a provider keeps the default.
     */
    default boolean holds() {
        return false;
    }
}
