package ca.gardien.governance;

import ca.gardien.shared.Language;
import ca.gardien.shared.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The published policy as JSON and the script that embeds it in any website the organization controls. Both are
 * public and read from other origins: the JSON carries {@code Access-Control-Allow-Origin: *} (no credentials, nothing
 * but the published text), the script builds the text with DOM text nodes only (no HTML from the network is parsed).
 */
@RestController
class PolicyJson {

    /** The JSON form of a published version, with the earlier versions and their addresses. */
    record Published(
            String policy,
            String title,
            String lang,
            int version,
            Instant updatedAt,
            java.time.LocalDate updatedOn,
            String sha256,
            String url,
            Labels labels,
            List<Section> sections,
            List<Earlier> versions) {}

    /** The words the embedding script shows around the text, in the asked language. */
    record Labels(String updated, String versions, String version) {}

    @io.swagger.v3.oas.annotations.media.Schema(
            name = "PublishedPolicySection") // one name per schema (OpenApiSchemaNamesTest)
    record Section(String key, String heading, String text) {}

    /** An earlier version: when it was published, as an instant and as the organization's day. */
    record Earlier(int version, Instant publishedAt, java.time.LocalDate publishedOn, String url) {}

    private final PolicyReads policies;
    private final MessageSource messages;

    private final ca.gardien.organization.OrganizationTime time;

    PolicyJson(PolicyReads policies, MessageSource messages, ca.gardien.organization.OrganizationTime time) {
        this.policies = policies;
        this.messages = messages;
        this.time = time;
    }

    @GetMapping(value = "/privacy/policy.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Published> privacyPolicy(@RequestParam(defaultValue = "fr") String lang) {
        return json(PolicySeed.PRIVACY_POLICY, lang);
    }

    @GetMapping(value = "/privacy/policies/{id}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Published> policy(@PathVariable String id, @RequestParam(defaultValue = "fr") String lang) {
        return json(id, lang);
    }

    @GetMapping(value = "/privacy/policy/embed.js", produces = "text/javascript")
    ResponseEntity<String> script() {
        try (var in = new ClassPathResource("governance/embed.js").getInputStream()) {
            return ResponseEntity.ok()
                    .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                    .header("Cross-Origin-Resource-Policy", "cross-origin")
                    .cacheControl(CacheControl.noCache())
                    .contentType(new MediaType("text", "javascript", StandardCharsets.UTF_8))
                    .body(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String label(String key, Language language) {
        return messages.getMessage(key, null, language.locale());
    }

    private ResponseEntity<Published> json(String id, String lang) {
        var language = Language.byCode(lang.toLowerCase(Locale.ROOT)).orElse(Language.FRENCH);
        if (!id.matches("[a-z0-9-]{1,60}")) { // a 404 problem that does not echo what was asked
            throw new NotFoundException("governance.policy");
        }
        var published = policies.published(id); // an unknown policy is a 404 problem too
        if (published.isEmpty()) {
            throw new NotFoundException("governance.published", id);
        }
        var policy = policies.policy(id);
        var title = language.pick(policy.titleFr(), policy.titleEn());
        var base = id.equals(PolicySeed.PRIVACY_POLICY) ? "/privacy/policy" : "/privacy/policies/" + id;
        var current = published.getLast();
        var body = new Published(
                id,
                title,
                language.code(),
                current.number(),
                current.publishedAt(),
                time.day(current.publishedAt()), // the day as the page says it (officer's re-walk: the UTC day)
                current.sha256(),
                base + "?lang=" + language.code(),
                new Labels(
                        label("governance.public.updated", language),
                        label("governance.public.versions", language),
                        label("governance.public.version-label", language)),
                current.sections().stream()
                        .map(s -> new Section(
                                s.key(), PublicPolicyPages.heading(s.heading(language), title), s.text(language)))
                        .toList(),
                published.reversed().stream()
                        .map(v -> new Earlier(
                                v.number(),
                                v.publishedAt(),
                                time.day(v.publishedAt()),
                                base + "/versions/" + v.number() + "?lang=" + language.code()))
                        .toList());
        return ResponseEntity.ok()
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .header("Cross-Origin-Resource-Policy", "cross-origin")
                .cacheControl(CacheControl.noCache())
                .body(body);
    }
}
