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
 */
public record Message(
        Channel channel,
        String recipient,
        String template,
        Locale locale,
        List<String> arguments,
        String relatedType,
        String relatedId) {

    public enum Channel {
        EMAIL,
        SMS,
        /** a notice to a Gardien account, shown in the console, never sent out */
        INTERNAL
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
