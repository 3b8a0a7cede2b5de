package ca.gardien.mail;

import ca.gardien.shared.KeyedDigest;
import ca.gardien.shared.SubjectIdentifier;
import ca.gardien.shared.SubjectKey;
import ca.gardien.shared.SubjectKeys;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * How the outbox keeps a message (crypto-shredding, issue 17): its recipient, subject and body sealed under a key of
 * the message's own ({@link SubjectKeys}), destroyed with the message by the purge, so that no database dump holds a
 * readable address or text once the message's time is over; and the recipient's keyed digest, by which an exact
 * address still finds its messages.
 */
@Component
class OutboxSeal {

    private final SubjectKeys keys;
    private final KeyedDigest digests;
    private final String phoneRegion;

    OutboxSeal(
            SubjectKeys keys,
            @Qualifier(MailConfiguration.KEY) KeyedDigest digests,
            @org.springframework.beans.factory.annotation.Value("${gardien.consent.phone-region:CA}")
                    String phoneRegion) {
        this.keys = keys;
        this.digests = digests;
        this.phoneRegion = phoneRegion;
    }

    UUID newKey() {
        return keys.create();
    }

    /** A message's key, read once: it seals the message's parts, or opens them (null once it is destroyed). */
    SubjectKey key(UUID key) {
        return keys.key(key);
    }

    void destroy(UUID key) {
        keys.shred(key);
    }

    /** The digest a recipient is stored under: the address as written, in lower case. */
    String digest(String recipient) {
        return digests.digest("recipient", recipient.strip().toLowerCase(Locale.ROOT));
    }

    /** The digests a typed search may match: as typed, and as a normalized email or phone number. */
    List<String> digestsOf(String typed) {
        var found = new LinkedHashSet<String>();
        found.add(digest(typed));
        var email = SubjectIdentifier.normalizedEmail(typed);
        if (email != null) {
            found.add(digest(email));
        }
        var phone = SubjectIdentifier.of(ca.gardien.shared.IdentifierKind.PHONE, typed, phoneRegion);
        if (phone != null) {
            found.add(digest(phone.value()));
        }
        return List.copyOf(found);
    }
}
