package ca.gardien.requests;

import ca.gardien.shared.IdentifierKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The address block of an answer letter, drawn from the request (the greeting that opens staff's message:
 * {@link ca.gardien.shared.LetterParagraphs#opening}).
 */
final class LetterBlocks {

    private LetterBlocks() {}

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
