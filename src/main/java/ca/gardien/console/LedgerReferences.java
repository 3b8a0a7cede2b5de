package ca.gardien.console;

import ca.gardien.connectors.ConnectorDesk;
import ca.gardien.ledger.LedgerEntry;
import ca.gardien.organization.AccountViews;
import ca.gardien.organization.Role;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The ledger names rights requests, complaints and incidents by the references people use ("R-2026-00042",
 * "C-2026-00007", "I-2026-00003"): the page shows them for the ids it lists, and its object filter takes a reference as
 * well as an id. Other objects are named in words where it costs no query per line: an account by its username (one
 * look-up of the accounts for the page), a message by its kind (the template the entry names), a policy by its title, an
 * object Gardien has only one of (the organization's profile, the data map) by what it is, a connector by its name, a
 * run by its day and connector (one look-up of the page's runs), a retention run by its rule and day, a consent record
 * by its purpose and day (one look-up each, linking to the rule and to the person's history) and a person of the
 * consent ledger by what the page leads to, never by an identifier, in the page's language.
 */
@Component
class LedgerReferences {

    private final FileReferences files;

    private final AccountViews accounts;
    private final MessageSource messages;
    private final ConnectorDesk connectors;
    private final ConsoleTimes times;
    private final ca.gardien.retention.RetentionRunNames retentionRuns;
    private final ca.gardien.consent.ConsentRecordNames consentRecords;
    private final ConsentPurposeNames purposes;
    private final LedgerTitles titles;

    LedgerReferences(
            FileReferences files,
            AccountViews accounts,
            MessageSource messages,
            ConnectorDesk connectors,
            ConsoleTimes times,
            ca.gardien.retention.RetentionRunNames retentionRuns,
            ca.gardien.consent.ConsentRecordNames consentRecords,
            ConsentPurposeNames purposes,
            LedgerTitles titles) {
        this.titles = titles;
        this.retentionRuns = retentionRuns;
        this.consentRecords = consentRecords;
        this.purposes = purposes;
        this.connectors = connectors;
        this.times = times;
        this.accounts = accounts;
        this.messages = messages;
        this.files = files;
    }

    /**
     * The names of these entries' objects by object id: references, usernames (for a reader who may list the accounts,
     * as the actor filter's suggestions) and words.
     */
    Map<String, String> of(List<LedgerEntry> entries, boolean accountsListed) {
        return of(entries, accountsListed, new HashMap<>(), Set.of());
    }

    /**
     * A page's names and links, with one look-up of each kind of object for the whole page, and the files that own its
     * lines' objects ({@link LedgerOwners}).
     */
    record Named(Map<String, String> names, Map<String, String> links, LedgerOwners.Named owners) {}

    Named page(List<LedgerEntry> entries, Set<Role> roles) {
        var links = links(entries, roles);
        var names = of(entries, LedgerActors.listsAccounts(roles), links, roles);
        var owners = LedgerOwners.named(entries, names, roles, messages, LocaleContextHolder.getLocale());
        return new Named(names, links, owners);
    }

    private Map<String, String> of(
            List<LedgerEntry> entries, boolean accountsListed, Map<String, String> links, Set<Role> roles) {
        var found = references(entries);
        var locale = LocaleContextHolder.getLocale();
        if (accountsListed && entries.stream().anyMatch(e -> "account".equals(e.objectType()))) {
            accounts.all().forEach(a -> found.put(a.id().toString(), a.username()));
        }
        runs(entries, found, locale);
        var consent =
                roles.contains(Role.PRIVACY_OFFICER) || roles.contains(Role.DELEGATE) || roles.contains(Role.AUDITOR);
        retentionRuns.of(ids(entries, "retention-run"), locale).forEach((id, run) -> {
            found.put(
                    id.toString(),
                    text("ledger.named.retention-run", locale, times.day(run.startedAt()), run.ruleName()));
            if (consent) { // the retention page is open to those who read the consent pages
                links.put(id.toString(), "/console/retention#rule-" + run.rule());
            }
        });
        titles.addTo(entries, found, links, locale);
        var purposes = consentRecords.of(ids(entries, "consent"));
        var purposeNames = purposes.isEmpty() ? Map.<String, String>of() : this.purposes.in(locale);
        purposes.forEach((id, record) -> {
            var purpose = purposeNames.getOrDefault(record.purpose(), record.purpose());
            var state =
                    messages.getMessage("ledger.named.consent.state." + record.state(), null, record.state(), locale);
            found.put(
                    id.toString(),
                    text("ledger.named.consent", locale, purpose, times.day(record.recordedAt()), state));
            if (consent) {
                links.put(id.toString(), "/console/consent/subjects/" + record.subject());
            }
        });
        for (var e : entries) {
            var words = switch (String.valueOf(e.objectType())) {
                case "mail-message" -> messages.getMessage("ledger.mail." + e.detail("template"), null, null, locale);
                case "connector" -> messages.getMessage("ledger.named.connector", new Object[] {e.objectId()}, locale);
                case "consent-subject" -> messages.getMessage("ledger.named.consent-subject", null, locale);
                case "connector-run" -> messages.getMessage("ledger.named.connector-run.gone", null, locale);
                case "retention-run", "consent", "inventory-gap" ->
                    messages.getMessage("ledger.named.gone", null, locale);
                default ->
                    FileReferences.uuid(e.objectId()) == null
                            ? named(e.objectType(), e.objectId(), locale)
                            : titles.names(String.valueOf(e.objectType()))
                                    ? messages.getMessage("ledger.named.gone", null, locale)
                                    : null;
            };
            if (words != null) {
                found.putIfAbsent(e.objectId(), words);
            }
        }
        return found;
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    /** The ids of these entries' objects of a type. */
    static Set<UUID> ids(List<LedgerEntry> entries, String type) {
        var ids = new HashSet<UUID>();
        for (var e : entries) {
            var id = type.equals(e.objectType()) ? FileReferences.uuid(e.objectId()) : null;
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** The runs of these entries, by the day they started and their connector: one look-up for the page. */
    private void runs(List<LedgerEntry> entries, Map<String, String> found, Locale locale) {
        var ids = ids(entries, "connector-run");
        if (ids.isEmpty()) {
            return;
        }
        connectors
                .runNames(ids)
                .forEach((id, run) -> found.put(
                        id.toString(),
                        messages.getMessage(
                                "ledger.named.connector-run",
                                new Object[] {times.day(run.startedAt()), run.connector()},
                                locale)));
    }

    /**
     * Where a line's object can be opened, by object id, for a reader whose roles may open it: a request, an incident,
     * a complaint (person in charge and delegates), a person's consent history, a connector's page.
     */
    Map<String, String> links(List<LedgerEntry> entries, Set<Role> roles) {
        var links = new HashMap<String, String>();
        var consent =
                roles.contains(Role.PRIVACY_OFFICER) || roles.contains(Role.DELEGATE) || roles.contains(Role.AUDITOR);
        var connector = roles.contains(Role.PRIVACY_OFFICER) || roles.contains(Role.DELEGATE);
        var complaints = roles.contains(Role.PRIVACY_OFFICER) || roles.contains(Role.DELEGATE);
        for (var e : entries) {
            var file = FileReferences.uuid(e.objectId());
            var page = e.objectType() == null ? null : FileReferences.PAGES.get(e.objectType());
            if (file != null && page != null && (complaints || !"complaint".equals(e.objectType()))) {
                // every reader of the ledger opens requests and incidents; complaints, the person in charge and
                // delegates
                links.put(e.objectId(), page + file);
            } else if (consent
                    && "consent-subject".equals(e.objectType())
                    && FileReferences.uuid(e.objectId()) != null) {
                links.put(e.objectId(), "/console/consent/subjects/" + e.objectId());
            } else if ("privacy-notice".equals(e.objectType()) && e.objectId().matches("[1-9][0-9]{0,8}")) {
                links.put(e.objectId(), "/privacy/versions/" + e.objectId()); // public, as approved (officer's review)
            } else if (connector && "connector".equals(e.objectType())) {
                links.put(
                        e.objectId(),
                        UriComponentsBuilder.fromPath("/console/connectors/{id}")
                                .buildAndExpand(e.objectId())
                                .encode()
                                .toUriString());
            }
        }
        return links;
    }

    /** An object with an id of words ({@code profile}, {@code data-map}, {@code privacy-policy}) in the page's words. */
    private String named(String type, String id, Locale locale) {
        if ("policy".equals(type)) { // a title after its kind, quoted: not "Policy Privacy and Confidentiality Policy"
            var title = messages.getMessage("governance.policy." + id, null, null, locale);
            return title == null ? null : messages.getMessage("shared.named.titled", new Object[] {title}, locale);
        }
        return messages.getMessage("ledger.name." + type + "." + id, null, null, locale);
    }

    /** The references of the files these entries name, and of those their messages are about: one look-up per kind. */
    private Map<String, String> references(List<LedgerEntry> entries) {
        var types = new HashMap<String, String>();
        for (var e : entries) {
            if (e.objectId() != null && e.objectType() != null) {
                types.put(e.objectId(), e.objectType());
            }
        }
        LedgerOwners.addTo(entries, types); // the file a message is about, in the same look-up
        var found = new HashMap<String, String>();
        files.files(types).forEach((id, file) -> {
            if (file.reference() != null) {
                found.put(id, file.reference());
            }
        });
        return found;
    }
}
