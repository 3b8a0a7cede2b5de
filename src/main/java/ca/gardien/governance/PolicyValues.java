package ca.gardien.governance;

import ca.gardien.complaints.Complaint;
import ca.gardien.inventory.DataMap;
import ca.gardien.inventory.Inventory;
import ca.gardien.organization.Organization;
import ca.gardien.organization.OrganizationProfile;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.Language;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The live values a policy's {@code {{variables}}} take: the organization profile (person in charge, acting person,
 * address), the data map (purposes, retention rules) and the legal deadlines (rights requests as configured, complaints
 * as the law fixes them). {@code {{name|default}}} falls back to the default; a line whose variables without defaults
 * are all empty is left out, so a missing phone number removes its line rather than printing a blank.
 */
@Component
class PolicyValues {

    static final Pattern VARIABLE = Pattern.compile("\\{\\{([a-zA-Z.]+)(?:\\|([^}]*))?}}");

    /** Every name {@link #in} may fill: a variable of another name would leave its line out of the policy. */
    static final java.util.List<String> NAMES = java.util.List.of(
            "organization.legalName",
            "address.street",
            "address.city",
            "address.province",
            "address.postalCode",
            "officer.name",
            "officer.title",
            "officer.email",
            "officer.phone",
            "acting.name",
            "acting.title",
            "dataMap.purposes",
            "dataMap.retention",
            "requests.responseDays",
            "complaints.responseDays");

    private final Organization organization;
    private final Inventory inventory;
    private final Environment environment;
    private final MessageSource messages;

    PolicyValues(Organization organization, Inventory inventory, Environment environment, MessageSource messages) {
        this.organization = organization;
        this.inventory = inventory;
        this.environment = environment;
        this.messages = messages;
    }

    Map<String, String> in(Language language) {
        var values = new LinkedHashMap<String, String>();
        organization.profile().ifPresent(p -> profile(p, language, values));
        var map = inventory.current();
        values.put("dataMap.purposes", purposes(map, language));
        values.put("dataMap.retention", retention(map, language));
        var response = environment.getProperty("gardien.requests.jurisdictions.QC.response", "P30D");
        values.put(
                "requests.responseDays", String.valueOf(Period.parse(response).getDays()));
        values.put("complaints.responseDays", String.valueOf(Complaint.ANSWER_DAYS));
        return values;
    }

    private static void profile(OrganizationProfile p, Language language, Map<String, String> values) {
        values.put("organization.legalName", p.legalName());
        values.put("address.street", p.address().street());
        values.put("address.city", p.address().city());
        values.put("address.province", p.address().province());
        values.put("address.postalCode", p.address().postalCode());
        values.put("officer.name", p.personInCharge().name());
        values.put("officer.title", p.personInCharge().title(language.locale()));
        values.put("officer.email", p.personInCharge().email());
        values.put("officer.phone", p.personInCharge().phone());
        if (p.acting() != null) {
            values.put("acting.name", p.acting().name());
            values.put("acting.title", p.acting().title(language.locale()));
        }
    }

    private String purposes(DataMap map, Language language) {
        return map.purposes().stream()
                .map(p -> "- " + p.name().in(language.locale()) + ";")
                .collect(Collectors.joining("\n"));
    }

    private String retention(DataMap map, Language language) {
        return map.retentionRules().stream()
                .map(r -> "- "
                        + messages.getMessage(
                                "governance.retention.line",
                                new Object[] {r.name().in(language.locale()), period(r.duration(), language)},
                                language.locale()))
                .collect(Collectors.joining("\n"));
    }

    private String period(String duration, Language language) {
        try {
            var p = Period.parse(duration);
            var parts = new java.util.ArrayList<String>();
            part(parts, "governance.period.years", p.getYears(), language);
            part(parts, "governance.period.months", p.getMonths(), language);
            part(parts, "governance.period.days", p.getDays(), language);
            return String.join(" ", parts);
        } catch (DateTimeParseException | NullPointerException e) {
            return duration == null ? "" : duration;
        }
    }

    private void part(java.util.List<String> parts, String key, int amount, Language language) {
        if (amount != 0) {
            parts.add(messages.getMessage(key, new Object[] {amount}, language.locale()));
        }
    }

    /** A template whose variables Gardien does not know is refused, naming them and the ones it knows. */
    static void known(java.util.List<FieldError> errors, String field, String template) {
        if (template == null) {
            return;
        }
        // every {{ left once the known variables are taken out, not only those written as a variable is: spaces
        // inside the braces, an underscore, or a variable inside another's default would be published as typed
        // (attacker's reviews)
        var rest = VARIABLE.matcher(template)
                .replaceAll(m -> NAMES.contains(m.group(1)) ? "" : java.util.regex.Matcher.quoteReplacement(m.group()));
        var unknown = new java.util.ArrayList<String>();
        for (int at = rest.indexOf("{{"); at >= 0; at = rest.indexOf("{{", at + 2)) {
            int end = rest.indexOf("}}", at + 2);
            var placeholder = end < 0 || end - at > 60
                    ? rest.substring(at, Math.min(rest.length(), at + 40)) + "…"
                    : rest.substring(at, end + 2);
            if (!unknown.contains(placeholder)) {
                unknown.add(placeholder);
            }
        }
        if (!unknown.isEmpty()) {
            var known = NAMES.stream().map(name -> "{{" + name + "}}").collect(Collectors.joining(", "));
            errors.add(FieldError.of(field, "governance.field.unknown-variable", String.join(", ", unknown), known));
        }
    }

    /** A heading, which is published as typed: no {{…}} at all (attacker's re-check: one showed on the public page). */
    static void none(java.util.List<FieldError> errors, String field, String heading) {
        if (heading != null && heading.contains("{{")) {
            errors.add(FieldError.of(field, "governance.field.heading-variable"));
        }
    }

    /** The template with its variables filled; lines whose variables are all empty are left out. */
    static String render(String template, Map<String, String> values) {
        var out = new StringBuilder();
        for (var line : template.split("\n", -1)) {
            Matcher m = VARIABLE.matcher(line);
            boolean any = false;
            boolean filled = false;
            var rendered = new StringBuilder();
            while (m.find()) {
                any = true;
                var value = values.get(m.group(1));
                if (value != null && !value.isBlank()) {
                    filled = true;
                } else {
                    value = m.group(2) == null ? "" : m.group(2);
                    filled |= m.group(2) != null;
                }
                m.appendReplacement(rendered, Matcher.quoteReplacement(value));
            }
            m.appendTail(rendered);
            if (!any || filled) {
                out.append(rendered).append('\n');
            }
        }
        return out.toString().strip().replaceAll("\n{3,}", "\n\n");
    }
}
