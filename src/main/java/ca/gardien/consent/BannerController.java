package ca.gardien.consent;

import ca.gardien.inventory.Inventory;
import ca.gardien.shared.IdentifierKind;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.KeyedDigest;
import ca.gardien.shared.SubjectIdentifier;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cookie banner's server side: a visitor's choices are kept as consent records under an anonymous visitor id that
 * the banner creates, one purpose per category ({@code cookie-preferences}, {@code cookie-statistics},
 * {@code cookie-marketing}); strictly necessary cookies need no consent and are not recorded. Also serves
 * {@code /.well-known/gpc.json}.
 */
@RestController
@CrossOrigin(origins = "*", allowCredentials = "false", maxAge = 86400) // the banner runs on the organization's sites
class BannerController {

    static final List<String> CATEGORIES = List.of("preferences", "statistics", "marketing");

    private final ConsentLedger ledger;
    private final ConsentDecisions decisions;
    private final KeyedDigest key;
    private final Inventory inventory;
    private final MessageSource messages;
    private final ConsentProperties properties;
    private final AnonymousWrites writes;

    BannerController(
            ConsentLedger ledger,
            ConsentDecisions decisions,
            @Qualifier(ConsentConfiguration.KEY) KeyedDigest key,
            Inventory inventory,
            MessageSource messages,
            ConsentProperties properties,
            AnonymousWrites writes) {
        this.ledger = ledger;
        this.decisions = decisions;
        this.key = key;
        this.inventory = inventory;
        this.messages = messages;
        this.properties = properties;
        this.writes = writes;
    }

    /**
     * The categories to offer, with their labels and the data map's purposes under each, in the page's language, and
     * the CMP identity the IAB CMP APIs answer with.
     */
    @GetMapping("/consent/banner/config.json")
    ResponseEntity<BannerCategories.Config> config(@RequestParam(defaultValue = "fr") String lang) {
        if (!lang.matches("fr|en")) {
            throw new InvalidInputException("lang", "shared.field.language");
        }
        // every page view of the organization's sites asks; a data-map change shows within a minute
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
                .body(BannerCategories.of(inventory.current(), Locale.of(lang), messages, properties.iab()));
    }

    /** A choice as the banner posts it; {@code gpc}: the browser exposes Global Privacy Control. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "BannerChoice") // one name per schema (OpenApiSchemaNamesTest)
    record Choice(String visitor, Map<String, Boolean> choices, Boolean gpc, String language) {}

    @PostMapping("/consent/choices")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void choose(@RequestBody Choice choice, HttpServletRequest request) {
        writes.banner(request.getRemoteAddr()); // 429 problem with Retry-After once the address posted too many
        var visitor = visitor(choice.visitor());
        if (choice.choices() == null
                || choice.choices().isEmpty()
                || !CATEGORIES.containsAll(choice.choices().keySet())
                || choice.choices().containsValue(null)) {
            throw new InvalidInputException("choices", "consent.field.banner-choices");
        }
        if (choice.language() != null && !choice.language().matches("fr|en")) {
            throw new InvalidInputException("language", "shared.field.language");
        }
        boolean gpc = Boolean.TRUE.equals(choice.gpc()) || "1".equals(request.getHeader("Sec-GPC"));
        var userAgent = request.getHeader("User-Agent");
        var proof = new ConsentRecord.Proof(
                "banner",
                key.digest("ip", request.getRemoteAddr()),
                userAgent == null ? null : key.digest("user-agent", userAgent),
                choice.language(),
                gpc);
        ledger.recordBannerChoice(visitor, new LinkedHashMap<>(choice.choices()), proof);
    }

    /** The visitor's current choice per category: true, false, or null when never asked. */
    @GetMapping("/consent/choices/{visitor}")
    Map<String, Boolean> choices(@PathVariable String visitor) {
        var id = visitor(visitor);
        var result = new LinkedHashMap<String, Boolean>();
        for (var category : CATEGORIES) {
            var decision = decisions.decide(id, "cookie-" + category);
            result.put(category, decision.recordId() == null ? null : decision.allowed());
        }
        return result;
    }

    @GetMapping("/.well-known/gpc.json")
    Map<String, Object> gpc() {
        return Map.of("gpc", true, "lastUpdate", "2026-11-29");
    }

    private static SubjectIdentifier visitor(String value) {
        var id = SubjectIdentifier.of(IdentifierKind.VISITOR, value, "CA");
        if (id == null) {
            throw new InvalidInputException("visitor", "consent.field.visitor");
        }
        return id;
    }
}
