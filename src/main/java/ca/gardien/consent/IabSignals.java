package ca.gardien.consent;

import ca.gardien.consent.ConsentTerms.Kind;
import ca.gardien.consent.ConsentTerms.State;
import ca.gardien.inventory.Purpose;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A subject's consent per IAB TCF purpose: granted with express consent, or with implied consent (Canada's TCF
 * distinguishes them; the EU's TCF knows only express consent). A data-map purpose lists its IAB purposes; a visitor's
 * cookie-banner choice counts for the purposes of its category. An IAB purpose is granted only when every Gardien
 * purpose that maps to it is granted now, and is express only when all of those grants are express: a vendor acting
 * under the IAB purpose may do what any of them covers. {@code choice} is the person's latest choice among the records
 * these signals come from (null when there is none): it dates the strings and gives their consent language.
 */
record IabSignals(SortedSet<Integer> express, SortedSet<Integer> implied, Choice choice) {

    /** When the person made the choice the strings carry, and the language it was made in (null when not recorded). */
    @io.swagger.v3.oas.annotations.media.Schema(name = "IabChoice") // one name per schema (OpenApiSchemaNamesTest)
    record Choice(Instant at, String language) {}

    static final IabSignals NONE = new IabSignals(new TreeSet<>(), new TreeSet<>(), null);

    /** The signals from the data map's purposes and a subject's history (oldest first). */
    static IabSignals of(Collection<Purpose> purposes, List<ConsentRecord> history, Instant now) {
        var latest = new HashMap<String, ConsentRecord>();
        history.forEach(r -> latest.put(r.purpose(), r));
        var verdicts = new HashMap<Integer, Kind>(); // null value: some mapped purpose is not granted
        var denied = new TreeSet<Integer>();
        ConsentRecord newest = null;
        for (var purpose : purposes) {
            var record = current(purpose, latest);
            if (record != null && !purpose.iabPurposeIds().isEmpty()) {
                newest = newer(newest, record);
            }
            var kind = grantedKind(record, now);
            for (int iab : purpose.iabPurposeIds()) {
                if (kind == null) {
                    denied.add(iab);
                } else {
                    verdicts.merge(iab, kind, (a, b) -> a == Kind.IMPLICIT || b == Kind.IMPLICIT ? Kind.IMPLICIT : a);
                }
            }
        }
        denied.forEach(verdicts::remove);
        var choice = newest == null ? null : new Choice(newest.recordedAt(), language(purposes, history));
        return split(verdicts, choice);
    }

    private static IabSignals split(Map<Integer, Kind> verdicts, Choice choice) {
        var express = new TreeSet<Integer>();
        var implied = new TreeSet<Integer>();
        verdicts.forEach((iab, kind) -> (kind == Kind.EXPRESS ? express : implied).add(iab));
        return new IabSignals(express, implied, choice);
    }

    /** The language of the person's latest choice that recorded one (an expiry, say, records none). */
    private static String language(Collection<Purpose> purposes, List<ConsentRecord> history) {
        var relevant = new HashSet<String>();
        purposes.stream().filter(p -> !p.iabPurposeIds().isEmpty()).forEach(p -> {
            relevant.add(p.id());
            if (p.cookieCategory() != null) {
                relevant.add("cookie-" + p.cookieCategory());
            }
        });
        String language = null;
        for (var record : history) {
            if (relevant.contains(record.purpose()) && record.evidence().language() != null) {
                language = record.evidence().language();
            }
        }
        return language;
    }

    private static ConsentRecord newer(ConsentRecord a, ConsentRecord b) {
        return a == null || b.recordedAt().isAfter(a.recordedAt()) ? b : a;
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
