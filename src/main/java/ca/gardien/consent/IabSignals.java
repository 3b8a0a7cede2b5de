package ca.gardien.consent;

import ca.gardien.consent.ConsentTerms.Kind;
import ca.gardien.consent.ConsentTerms.State;
import ca.gardien.inventory.Purpose;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A subject's consent per IAB TCF purpose: granted with express consent, or with implied consent (Canada's TCF
 * distinguishes them; the EU's TCF knows only express consent). A data-map purpose lists its IAB purposes; a visitor's
 * cookie-banner choice counts for the purposes of its category. An IAB purpose is granted only when every Gardien
 * purpose that maps to it is granted now, and is express only when all of those grants are express: a vendor acting
 * under the IAB purpose may do what any of them covers.
 */
record IabSignals(SortedSet<Integer> express, SortedSet<Integer> implied) {

    static final IabSignals NONE = new IabSignals(new TreeSet<>(), new TreeSet<>());

    /** The signals from the data map's purposes and a subject's history (oldest first). */
    static IabSignals of(Collection<Purpose> purposes, List<ConsentRecord> history, Instant now) {
        var latest = new HashMap<String, ConsentRecord>();
        history.forEach(r -> latest.put(r.purpose(), r));
        var verdicts = new HashMap<Integer, Kind>(); // null value: some mapped purpose is not granted
        var denied = new TreeSet<Integer>();
        for (var purpose : purposes) {
            var kind = grantedKind(current(purpose, latest), now);
            for (int iab : purpose.iabPurposeIds()) {
                if (kind == null) {
                    denied.add(iab);
                } else {
                    verdicts.merge(iab, kind, (a, b) -> a == Kind.IMPLICIT || b == Kind.IMPLICIT ? Kind.IMPLICIT : a);
                }
            }
        }
        denied.forEach(verdicts::remove);
        return split(verdicts);
    }

    private static IabSignals split(Map<Integer, Kind> verdicts) {
        var express = new TreeSet<Integer>();
        var implied = new TreeSet<Integer>();
        verdicts.forEach((iab, kind) -> (kind == Kind.EXPRESS ? express : implied).add(iab));
        return new IabSignals(express, implied);
    }

    /** The newest of the purpose's own record and the record of its cookie category. */
    private static ConsentRecord current(Purpose purpose, Map<String, ConsentRecord> latest) {
        var own = latest.get(purpose.id());
        var cookie = purpose.cookieCategory() == null ? null : latest.get("cookie-" + purpose.cookieCategory());
        if (own == null || cookie == null) {
            return own == null ? cookie : own;
        }
        return own.recordedAt().isAfter(cookie.recordedAt()) ? own : cookie;
    }

    private static Kind grantedKind(ConsentRecord record, Instant now) {
        if (record == null || record.state() != State.GRANTED) {
            return null;
        }
        boolean expired = record.validUntil() != null && !now.isBefore(record.validUntil());
        return expired ? null : record.kind();
    }
}
