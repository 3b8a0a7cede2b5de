package ca.gardien.requests;

import ca.gardien.shared.IdentifierKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The parts of an answer letter drawn from the request and from what staff typed: the address block and the greeting
 * that opens the message.
 */
final class LetterBlocks {

    /**
     * A greeting on the message's first line, alone on it and ending with a comma ("Bonjour Madame Tremblay,", "Dear
     * Ms. Smith,"): the letter opens with it, before its sentence on the outcome (officer review: « Nous avons donné
     * suite à votre demande. » came before « Bonjour Madame… »).
     */
    private static final Pattern GREETING = Pattern.compile("\\A([^\\n]{1,100},)[ \\t]*(?:\\n|\\z)");

    private LetterBlocks() {}

    /**
     * The message split in two: its greeting (null when its first line is not one) and the rest (null when nothing
     * follows).
     */
    record Opening(String greeting, String rest) {}

    static Opening opening(String message) {
        if (message == null || message.isBlank()) {
            return new Opening(null, null);
        }
        var text = message.strip();
        var greeting = GREETING.matcher(text);
        if (!greeting.find()) {
            return new Opening(null, text);
        }
        var rest = text.substring(greeting.end()).strip();
        return new Opening(greeting.group(1).strip(), rest.isEmpty() ? null : rest);
    }

    /**
     * The address block's lines, in clear: the name entered, then the postal address's lines (without a first line that
     * repeats the name: staff copy the envelope), else the email or the phone; none once the request's key is gone (its
     * values open to null).
     */
    static List<String> addressee(RightsRequest request) {
        var lines = new ArrayList<String>();
        var entered = request.addressee();
        if (entered != null && entered.name() != null) {
            lines.add(entered.name());
        }
        if (entered != null && entered.postalAddress() != null) {
            var address = entered.lines();
            if (entered.name() != null && !address.isEmpty() && same(address.getFirst(), entered.name())) {
                address = address.subList(1, address.size());
            }
            lines.addAll(address);
        } else {
            reachedAt(request).ifPresent(lines::add);
        }
        return lines;
    }

    /** Two lines that say the same, whatever their case and spaces. */
    private static boolean same(String line, String name) {
        return squeezed(line).equals(squeezed(name));
    }

    private static String squeezed(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Its email, else its phone, in clear; none once the request's key is gone (its values open to null). */
    private static Optional<String> reachedAt(RightsRequest request) {
        for (var kind : List.of(IdentifierKind.EMAIL, IdentifierKind.PHONE)) {
            var value = request.identifiers().stream()
                    .filter(i ->
                            i.kind() == kind && i.value() != null && !i.value().isBlank())
                    .map(RightsRequest.IdentifierState::value)
                    .findFirst();
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }
}
