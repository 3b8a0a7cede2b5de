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
     * An entry that gives no way to reach the person is refused: a complaint received by post needs the address its
     * answer is posted to (or an email or a phone), one received another way an email or a phone (or an address). The
     * portal's form asks for both an email and the phone the policy names (section 12).
     */
    static void requireReachable(Complaint.Channel channel, NewComplaint in, List<FieldError> errors) {
        if (channel == Complaint.Channel.PORTAL
                || !blank(in.email())
                || !blank(in.phone())
                || !PlainText.saysNothing(in.postalAddress())) {
            return;
        }
        errors.add(
                channel == Complaint.Channel.MAIL
                        ? FieldError.of(FIELD, "complaints.field.address-required")
                        : FieldError.of("email", "complaints.field.contact-required"));
    }

    /**
     * Whether the phone may be left out: only the portal's form asks for it as the policy does (section 12: the person
     * "will be asked" for one). A complaint staff enter from a letter, an email or a call is recorded with what it
     * gives — refusing it for a missing phone left it unrecorded and its 30 days unwatched (officer's walk); the officer
     * asks for the phone with an information request when the file needs it.
     */
    static boolean phoneOptional(Complaint.Channel channel) {
        return channel != Complaint.Channel.PORTAL;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
