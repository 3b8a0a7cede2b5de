package ca.gardien.mail;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A message to compose from a FR/EN template ({@code mail.<template>.subject} / {@code .body} in
 * {@code i18n/mail*.properties}, {@link java.text.MessageFormat} arguments) and queue.
 *
 * @param channel how it travels
 * @param recipient an email address, an E.164 phone number or {@code account:<id>} for an internal notice
 * @param relatedType the kind of object it is about (e.g. {@code request}), for the console
 * @param relatedId the id of that object
 * @param signed whether the organization signs it: a message to a person names, as the {@link Outbox} finds it in the
 *     organization profile, the organization that sends it before the subject ({@code mail.signed.subject}) and on the
 *     line under the template's last one, its signature ("La personne responsable de la protection des renseignements
 *     personnels"); officer review: "Votre code de vérification" from nobody the person could tell
 */
public record Message(
        Channel channel,
        String recipient,
        String template,
        Locale locale,
        List<String> arguments,
        String relatedType,
        String relatedId,
        boolean signed) {

    public enum Channel {
        EMAIL,
        SMS,
        /** a notice to a Gardien account, shown in the console, never sent out */
        INTERNAL
    }

    /** A message the organization does not sign (a notice to an account, a text message). */
    public Message(
            Channel channel,
            String recipient,
            String template,
            Locale locale,
            List<String> arguments,
            String relatedType,
            String relatedId) {
        this(channel, recipient, template, locale, arguments, relatedType, relatedId, false);
    }

    public Message {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(template, "template");
        locale = locale == null ? Locale.CANADA_FRENCH : locale;
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
    }

    @Override
    public String toString() {
        return "Message[" + channel + ", " + template + "]"; // recipient and arguments are personal information
    }
}
