package ca.gardien.consent;

import ca.gardien.inventory.Inventory;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * IAB consent strings: a visitor's GPP (Canadian TCF section) and TCF v2.2 strings for the banner to expose to the
 * page, and a decoder for the organization's systems. The mapping from Gardien purposes to IAB purposes is data: each
 * data-map purpose lists its {@code iabPurposes}.
 */
@RestController
@Tag(name = "Consent", description = "Consent records and decisions")
class IabController {

    private static final int MAX_STRING = 10_000;

    private final Inventory inventory;
    private final Subjects subjects;
    private final ConsentRecords records;
    private final ConsentProperties properties;
    private final Clock clock;

    IabController(
            Inventory inventory, Subjects subjects, ConsentRecords records, ConsentProperties properties, Clock clock) {
        this.inventory = inventory;
        this.subjects = subjects;
        this.records = records;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/consent/strings")
    @CrossOrigin(
            origins = "*",
            allowCredentials = "false",
            maxAge = 86400) // read by the banner on the organization's sites
    IabStrings.Encoded strings(@RequestParam String visitor, @RequestParam(defaultValue = "fr") String lang) {
        var id = Identifier.of(Identifier.Kind.VISITOR, visitor, properties.phoneRegion());
        if (id == null) {
            throw new InvalidInputException("visitor", "must be 16-64 letters, digits, '-' or '_'");
        }
        if (!lang.matches("fr|en")) {
            throw new InvalidInputException("lang", "must be fr or en");
        }
        var now = clock.instant();
        var signals = subjects.find(id)
                .map(subject -> IabSignals.of(inventory.current().purposes(), records.history(subject), now))
                .orElse(IabSignals.NONE);
        return IabStrings.encode(signals, properties.iab(), Locale.of(lang), now);
    }

    /** A GPP string, a TCF v2 string, or both. */
    record DecodeRequest(String gpp, String tcf) {}

    record DecodeResult(IabStrings.Decoded gpp, IabStrings.Decoded tcf) {}

    @PostMapping("/api/v1/consent/iab/decode")
    @Operation(
            summary = "Decode a GPP string (Canadian TCF section: express and implied consent per purpose) and/or"
                    + " a TCF v2 string")
    DecodeResult decode(@RequestBody DecodeRequest request) {
        var errors = new ArrayList<FieldError>();
        if (request.gpp() == null && request.tcf() == null) {
            throw new InvalidInputException(List.of(
                    new FieldError("gpp", "a GPP or a TCF string is required"),
                    new FieldError("tcf", "a GPP or a TCF string is required")));
        }
        check("gpp", request.gpp(), errors);
        check("tcf", request.tcf(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new DecodeResult(
                request.gpp() == null ? null : IabStrings.decodeGpp(request.gpp(), "gpp"),
                request.tcf() == null ? null : IabStrings.decodeTcf(request.tcf(), "tcf"));
    }

    private static void check(String field, String value, List<FieldError> errors) {
        if (value != null && (value.isBlank() || value.length() > MAX_STRING)) {
            errors.add(new FieldError(field, "must be 1-" + MAX_STRING + " characters"));
        }
    }
}
