package ca.gardien.complaints;

/**
 * A complaint as received: what section 12 of the governance policy names (the complainant's name, contact details
 * including a phone number, the subject and the reasons), the day of receipt for complaints entered by staff (today
 * when absent) and the language of the answer ({@code fr} or {@code en}).
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
        String requestId) {}
