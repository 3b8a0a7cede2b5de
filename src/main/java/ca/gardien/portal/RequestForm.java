package ca.gardien.portal;

import ca.gardien.requests.NewRequest;

/** The portal's request form as posted; blank fields are absent. Never logged (it holds identifiers). */
record RequestForm(String type, String email, String phone, String language, String details) {

    /** The request as the intake takes it, filed under {@code jurisdiction} (the organization's filing profile). */
    NewRequest toNewRequest(String jurisdiction) {
        return new NewRequest(
                type,
                new NewRequest.Subject(blank(email), blank(phone), null),
                jurisdiction,
                "PORTAL",
                blank(language),
                blank(details),
                null,
                null,
                null);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public String toString() {
        return "RequestForm[" + type + "]";
    }
}
