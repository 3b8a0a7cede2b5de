package ca.gardien.ledger;

import java.time.Instant;

/**
 * A search of the ledger for the console: exact action, actor ids or kind and object id, a time range of recording, newest or
 * oldest first, and the sequence of the last entry already shown (keyset).
 *
 * @param actors the actors kept (any of them: the accounts acting in a role), null for every actor, empty for none
 * @param objects the object ids kept (any of them: a file and the outbox's messages about it), null for every object
 * @param actorKind the kind of actor kept (the person concerned, a program's token, Gardien), null for every kind
 * @param from first instant kept (inclusive), or null
 * @param to first instant no longer kept (exclusive), or null
 * @param after the sequence of the previous page's last entry, or null for the first page
 * @param kinds the kinds of entry kept (any of them), found from words typed by the officer; null for every kind, empty
 *     for none
 * @param withoutConsultations whether the {@link #CONSULTATIONS} are left out (in the search's SQL, so that keyset
 *     paging stays exact)
 */
public record LedgerQuery(
        String action,
        java.util.List<String> actors,
        java.util.List<String> objects,
        Instant from,
        Instant to,
        boolean ascending,
        Long after,
        int size,
        java.util.List<Kind> kinds,
        ca.gardien.shared.Actor.Kind actorKind,
        boolean withoutConsultations) {

    /**
     * The consultations: facts that someone was shown something (a person's contact details in clear, an outbox
     * message, a complaint file or one of its documents, a request's attachment), recorded at each view. They are
     * evidence of who saw what, not steps of the work, and a search may leave them out. The only definition of a
     * consultation; a refused consultation ({@code complaints.read-refused}) is not one: it stays in view.
     */
    public static final java.util.List<String> CONSULTATIONS = java.util.List.of(
            "complaints.document-read",
            "complaints.read",
            "mail.outbox-viewed",
            "requests.document-downloaded",
            "requests.identifiers-viewed");

    /** Entries of an action, and only those whose payload holds {@code payloadHolds} (compact JSON) when not null. */
    public record Kind(String action, String payloadHolds) {}

    /** Whether anything narrows the search: the list shows "no entry matches" rather than "the ledger is empty". */
    public boolean narrowed() {
        return kinds != null
                || withoutConsultations
                || action != null
                || actors != null
                || actorKind != null
                || objects != null
                || from != null
                || to != null;
    }
}
