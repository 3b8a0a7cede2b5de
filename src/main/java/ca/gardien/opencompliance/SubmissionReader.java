package ca.gardien.opencompliance;

import static ca.gardien.opencompliance.SubmittedRequest.validation;

import ca.gardien.opencompliance.OpenComplianceException.Detail;
import ca.gardien.shared.DateRange;
import ca.gardien.shared.OutboundAddresses;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an OpenCompliance request body into a {@link SubmittedRequest}, collecting every error. Trailing commas are
 * tolerated because the specification's own example (section 7.2) has one.
 */
final class SubmissionReader {

    static final JsonMapper JSON =
            JsonMapper.builder().enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build();

    /** OpenCompliance request types, and the Law 25 types that come only through Gardien's extension. */
    static final Map<String, String> TYPES = Map.of(
            "access", "ACCESS",
            "portability", "PORTABILITY",
            "erasure", "ERASURE");

    static final Map<String, String> REGULATIONS = Map.of("gdpr", "GDPR", "ccpa", "CCPA", "law25", "QC", "qc", "QC");

    private static final Pattern UUID_V4 =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    private final OpenComplianceProperties properties;
    private final OutboundAddresses addresses;

    SubmissionReader(OpenComplianceProperties properties) {
        this.properties = properties;
        this.addresses = new OutboundAddresses(properties.callbacks().allow());
    }

    SubmittedRequest read(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw OpenComplianceException.invalid("MalformedJson", "the body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw OpenComplianceException.invalid("MalformedJson", "the body must be a JSON object");
        }
        var errors = new ArrayList<Detail>();
        var id = subjectRequestId(root, errors);
        var extension = root.path("extensions").path(properties.processorDomain());
        var regulation =
                text(root, "regulation", properties.defaultRegulation()).toLowerCase(Locale.ROOT);
        var jurisdiction = jurisdiction(regulation, extension, errors);
        var type = type(root, extension, errors);
        var submitted = submittedTime(root, errors);
        var callbacks = CallbackUrls.read(root, properties.callbacks().schemes(), addresses, errors);
        var identities = new SubmittedIdentities(root.path("subject_identities"), extension, errors);
        var language = text(extension, "language", null);
        if (language != null && !List.of("fr", "en").contains(language)) {
            errors.add(validation("InvalidExtension", "language must be fr or en"));
        }
        if (!errors.isEmpty()) {
            throw OpenComplianceException.invalid(errors);
        }
        return new SubmittedRequest(
                id,
                regulation,
                type,
                jurisdiction,
                identities.email,
                identities.customerId,
                identities.phone,
                submitted,
                text(root, "api_version", "1.0"),
                callbacks,
                language,
                text(extension, "details", null));
    }

    private static UUID subjectRequestId(JsonNode root, List<Detail> errors) {
        var text = text(root, "subject_request_id", null);
        if (text == null) {
            errors.add(validation("MissingField", "subject_request_id field is required."));
            return null;
        }
        if (!UUID_V4.matcher(text).matches()) {
            errors.add(validation("InvalidField", "subject_request_id must be a lowercase UUID v4."));
            return null;
        }
        return UUID.fromString(text);
    }

    private static String jurisdiction(String regulation, JsonNode extension, List<Detail> errors) {
        var named = text(extension, "jurisdiction", null);
        if (named != null) {
            return named.toUpperCase(Locale.ROOT);
        }
        var mapped = REGULATIONS.get(regulation);
        if (mapped == null) {
            errors.add(validation("UnsupportedRegulation", "regulation must be one of gdpr, ccpa, law25."));
        }
        return mapped;
    }

    private static String type(JsonNode root, JsonNode extension, List<Detail> errors) {
        var extended = text(extension, "request_type", null);
        if (extended != null) {
            return extended.toUpperCase(Locale.ROOT);
        }
        var type = text(root, "subject_request_type", null);
        if (type == null) {
            errors.add(validation("MissingField", "subject_request_type field is required."));
            return null;
        }
        var mapped = TYPES.get(type);
        if (mapped == null) {
            errors.add(validation(
                    "UnsupportedRequestType", "subject_request_type must be access, portability or erasure."));
        }
        return mapped;
    }

    private static Instant submittedTime(JsonNode root, List<Detail> errors) {
        var text = text(root, "submitted_time", null);
        if (text == null) {
            errors.add(validation("MissingField", "submitted_time field is required."));
            return null;
        }
        try {
            var at = OffsetDateTime.parse(text).toInstant();
            if (DateRange.contains(at)) {
                return at;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.add(validation(
                "InvalidField", "submitted_time must be an RFC 3339 date-time " + DateRange.DESCRIPTION + "."));
        return null;
    }

    static String text(JsonNode node, String field, String fallback) {
        var value = node.path(field);
        return value.isString() && !value.asString().isBlank()
                ? value.asString().strip()
                : fallback;
    }
}
