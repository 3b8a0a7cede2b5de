package ca.gardien.console;

import ca.gardien.ledger.LedgerEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of the ledger page, in words and already in the page's language. As for the queue ({@link QueueLine}), the
 * controller prepares the words once per distinct actor and object type of the page (an account's words need
 * its role: the accounts are read once per page, {@link LedgerWords#actors(boolean)}) and the template only prints
 * properties. A rights request or a complaint is named by its reference rather than its id, a system by its name in
 * the data map (looked up once per page by the controller, only when a line is about a system); an object the reader
 * may open links to its page, and so does the file its object belongs to (a message about a request: {@link
 * LedgerOwners}). The raw entry, one click away, is the entry as the ledger holds it: its codes, its payload (indented)
 * and its hash and previous hash, as an auditor checks the chain.
 */
public record LedgerLine(
        long sequence,
        String recorded,
        String actor,
        String action,
        String raw,
        String object,
        String objectId,
        String href,
        String owner,
        String ownerHref,
        String shortHash,
        java.time.Instant at,
        String payload,
        String hash,
        String prevHash) {

    /** The lines of one page: each distinct actor and object type put in words once, each action by its way. */
    static List<LedgerLine> of(
            List<LedgerEntry> entries,
            LedgerWords words,
            java.util.function.UnaryOperator<String> actors,
            LedgerReferences.Named named,
            Map<String, String> systemNames,
            ConsoleTimes times) {
        var objects = new HashMap<String, String>();
        return entries.stream()
                .map(e -> {
                    var actor = e.actor().kind() + ":" + e.actor().id();
                    return new LedgerLine(
                            e.sequence(),
                            times.second(e.recordedAt()),
                            actors.apply(actor),
                            words.action(e, systemNames), // by the way it was done: messages only, no look-up
                            e.action() + " · " + actor + " · " + e.objectType() + ":" + e.objectId(),
                            once(objects, e.objectType(), words::object),
                            named.names().getOrDefault(e.objectId(), e.objectId()),
                            named.links().get(e.objectId()),
                            named.owners().words().get(e.objectId()),
                            named.owners().links().get(e.objectId()),
                            e.hash().substring(0, Math.min(16, e.hash().length())) + "…",
                            e.recordedAt(),
                            e.indentedPayload(), // as recorded: the ledger never holds an identifier's value
                            e.hash(),
                            e.prevHash());
                })
                .toList();
    }

    /** Whether a line of the page is about a system of the data map (then its words need the systems' names). */
    static boolean namesSystems(List<LedgerEntry> entries) {
        return entries.stream().anyMatch(e -> e.detail("system") != null);
    }

    private static String once(Map<String, String> seen, String key, java.util.function.UnaryOperator<String> words) {
        var known = seen.get(key);
        if (known == null) {
            known = words.apply(key);
            seen.put(key, known);
        }
        return known;
    }
}
