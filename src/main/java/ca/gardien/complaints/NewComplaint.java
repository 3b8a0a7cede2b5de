package ca.gardien.complaints;

/**
 * A complaint as received: what section 12 of the governance policy names (the complainant's name, contact details
 * including a phone number, the subject and the reasons), the day of receipt for complaints entered by staff (today
 * when absent) and the language of the answer ({@code fr} or {@code en}). A complaint received by post (channel
 * {@code MAIL}) may give no phone and no email but a postal address of several lines ({@link ComplaintAddress}), where
 * the letters about it are posted; the portal does not take one.
 */
public record NewComplaint(
        String name,
        String email,
        String phone,
        String subject,
        String reasons,
        String receivedOn,
        String language,
        String channel,
        String requestId,
        String postalAddress) {

    /** A complaint without a postal address (the portal, and callers that have none). */
    public NewComplaint(
            String name,
            String email,
            String phone,
            String subject,
            String reasons,
            String receivedOn,
            String language,
            String channel,
            String requestId) {
        this(name, email, phone, subject, reasons, receivedOn, language, channel, requestId, null);
    }
}
