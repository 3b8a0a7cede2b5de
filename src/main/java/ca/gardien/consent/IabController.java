package ca.gardien.consent;

import ca.gardien.inventory.Inventory;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.IdentifierKind;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.RateLimitedException;
import ca.gardien.shared.SubjectIdentifier;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * IAB consent strings: a visitor's GPP (Canadian TCF section) and TCF v2.3 strings for the banner's CMP APIs, and a
 * decoder for the organization's systems. The mapping from Gardien purposes to IAB purposes is data: each data-map
 * purpose lists its {@code iabPurposes}. The CMP settings ({@code gardien.consent.iab.*}) drive both: without a
 * registered CMP id the strings say why none is emitted, and the decoder warns of strings IAB's decoders refuse.
 */
@RestController
@Tag(name = "Consent", description = "Consent records and decisions")
class IabController {

    private static final int MAX_STRING = 10_000;

    /** Two strings of the maximum length and the JSON around them. */
    private static final int MAX_BODY = 2 * MAX_STRING + 1_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Inventory inventory;
    private final Subjects subjects;
    private final ConsentRecords records;
    private final ConsentProperties properties;
    private final Clock clock;

    /**
     * The decodings under way on this node: each holds up to the decoder's limits, so callers cannot add them up
     * (attacker's second pass: eight at once ran the node out of memory).
     */
    final Semaphore decodings;

    IabController(
            Inventory inventory, Subjects subjects, ConsentRecords records, ConsentProperties properties, Clock clock) {
        this.inventory = inventory;
        this.subjects = subjects;
        this.records = records;
        this.properties = properties;
        this.clock = clock;
        this.decodings = new Semaphore(properties.limits().iabDecodings());
    }

    /**
     * The visitor's strings. {@code lang} is the consent language only when the visitor's choice recorded none (the
     * strings carry the language in which the person chose).
     */
    @GetMapping("/consent/strings")
    @CrossOrigin(
            origins = "*",
            allowCredentials = "false",
            maxAge = 86400) // read by the banner on the organization's sites
    IabStrings.Encoded strings(@RequestParam String visitor, @RequestParam(defaultValue = "fr") String lang) {
        var id = SubjectIdentifier.of(IdentifierKind.VISITOR, visitor, properties.phoneRegion());
        if (id == null) {
            throw new InvalidInputException("visitor", "consent.field.visitor");
        }
        if (!lang.matches("fr|en")) {
            throw new InvalidInputException("lang", "shared.field.language");
        }
        var now = clock.instant();
        var signals = subjects.find(id)
                .map(subject -> IabSignals.of(inventory.current().purposes(), records.history(subject), now))
                .orElse(IabSignals.NONE);
        return IabStrings.encode(signals, properties.iab(), lang, now);
    }

    /** A GPP string, a TCF v2 string, or both. */
    record DecodeRequest(String gpp, String tcf) {}

    /**
     * A string IAB's decoders would refuse ({@code cmp-id-invalid}: CMP id 0 or 1), or one made by another CMP than the
     * one configured ({@code other-cmp}).
     */
    record Warning(String field, String code) {}

    record DecodeResult(IabDecoder.Gpp gpp, IabDecoder.Tcf tcf, List<Warning> warnings) {}

    @PostMapping(value = "/api/v1/consent/iab/decode", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Decode a GPP string (every section IAB's library knows, the others listed by id) and/or a TCF v2"
                    + " string (every field of its segments)",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = DecodeRequest.class))))
    DecodeResult decode(HttpServletRequest http) throws IOException {
        var request = read(http);
        var errors = new ArrayList<FieldError>();
        if (request.gpp() == null && request.tcf() == null) {
            throw new InvalidInputException(List.of(
                    FieldError.of("gpp", "consent.field.iab-required"),
                    FieldError.of("tcf", "consent.field.iab-required")));
        }
        check("gpp", request.gpp(), errors);
        check("tcf", request.tcf(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        IabDecoder.Gpp gpp;
        IabDecoder.Tcf tcf;
        if (!decodings.tryAcquire()) {
            throw new RateLimitedException("consent.iab-decoding", Duration.ofSeconds(1));
        }
        try {
            gpp = request.gpp() == null ? null : IabDecoder.gpp(request.gpp(), "gpp");
            tcf = request.tcf() == null ? null : IabDecoder.tcf(request.tcf(), "tcf");
        } finally {
            decodings.release();
        }
        var warnings = new ArrayList<Warning>();
        if (tcf != null) {
            warn("tcf", tcf.cmpId(), warnings);
        }
        if (gpp != null) {
            for (var section : List.of("tcfeuv2", "tcfcav1")) {
                var core = gpp.sections().get(section);
                if (core != null && core.getFirst().get("CmpId") instanceof Integer cmpId) {
                    warn("gpp." + section, cmpId, warnings);
                }
            }
        }
        return new DecodeResult(gpp, tcf, warnings);
    }

    /** Reads at most {@link #MAX_BODY} bytes: the body is never buffered whole when it is larger. */
    private static DecodeRequest read(HttpServletRequest http) throws IOException {
        var body = http.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw new InvalidInputException("body", "shared.field.body-too-large", MAX_BODY);
        }
        try {
            var request = JSON.readValue(body, DecodeRequest.class);
            if (request == null) {
                throw new InvalidInputException("body", "consent.field.iab-body");
            }
            return request;
        } catch (JacksonException e) {
            throw new InvalidInputException("body", "consent.field.iab-body");
        }
    }

    private void warn(String field, int cmpId, List<Warning> warnings) {
        var configured = properties.iab();
        if (cmpId < 2) {
            warnings.add(new Warning(field, "cmp-id-invalid"));
        } else if (configured.registered() && cmpId != configured.cmpId()) {
            warnings.add(new Warning(field, "other-cmp"));
        }
    }

    private static void check(String field, String value, List<FieldError> errors) {
        if (value != null && (value.isBlank() || value.length() > MAX_STRING)) {
            errors.add(FieldError.of(field, "consent.field.iab-length", MAX_STRING));
        }
    }
}
