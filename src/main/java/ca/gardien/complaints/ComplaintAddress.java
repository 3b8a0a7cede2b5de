package ca.gardien.complaints;

import ca.gardien.requests.Addressee;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.PlainText;
import java.util.List;

/**
 * The complainant's postal address, as staff entered it from a letter (field {@code postalAddress}): the rules of the
 * rights requests' addressee ({@link Addressee}): one line per line of the envelope, at most {@value Addressee#MAX_LINES} lines
 * and {@value Addressee#MAX_POSTAL_ADDRESS} characters, no control characters nor invisible marks ({@link PlainText}). A complaint
 * received by post must give one when it gives neither an email nor a phone: its letters have to reach the person.
 */
final class ComplaintAddress {

    static final String FIELD = "postalAddress";

    private ComplaintAddress() {}

    /** The address as it is kept (line ends {@code \n}, lines without trailing spaces), or null when blank or in error. */
    static String of(String value, List<FieldError> errors) {
        var addressee = new Addressee(null, value);
        var found = addressee.errors("");
        errors.addAll(found);
        return found.isEmpty() ? addressee.postalAddress() : null;
    }

    /**
     * A complaint received by post that gives neither an email nor a phone needs the address its answer is posted to;
     * the other channels keep the policy's phone (section 12).
     */
    static void requireReachable(Complaint.Channel channel, NewComplaint in, List<FieldError> errors) {
        if (channel == Complaint.Channel.MAIL
                && blank(in.email())
                && blank(in.phone())
                && PlainText.saysNothing(in.postalAddress())) {
            errors.add(FieldError.of(FIELD, "complaints.field.address-required"));
        }
    }

    /** Whether the phone may be left out: a complaint received by post may give no phone (the person wrote). */
    static boolean phoneOptional(Complaint.Channel channel) {
        return channel == Complaint.Channel.MAIL;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
