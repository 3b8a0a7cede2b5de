package ca.gardien.opencompliance;

import static ca.gardien.opencompliance.SubmissionReader.text;
import static ca.gardien.opencompliance.SubmittedRequest.validation;

import ca.gardien.opencompliance.OpenComplianceException.Detail;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The identities Gardien can match on: raw emails and the controller's customer ids (and a phone, by extension). */
final class SubmittedIdentities {
    String email;
    String customerId;
    String phone;

    SubmittedIdentities(JsonNode list, JsonNode extension, List<Detail> errors) {
        phone = text(extension, "phone", null);
        if (!list.isMissingNode() && !list.isNull() && !list.isArray()) {
            errors.add(validation("InvalidField", "subject_identities must be an array."));
            return;
        }
        for (var identity : list) {
            add(identity, errors);
        }
        if (email == null && customerId == null && phone == null) {
            errors.add(validation("MissingField", "subject_identities needs an identity Gardien supports."));
        }
    }

    private void add(JsonNode identity, List<Detail> errors) {
        var type = text(identity, "identity_type", null);
        var format = text(identity, "identity_format", null);
        var value = text(identity, "identity_value", null);
        if (type == null || format == null || value == null) {
            errors.add(validation(
                    "MissingField", "each identity needs identity_type, identity_value and identity_format."));
        } else if (!"raw".equals(format)) {
            // Gardien must reach the person (a code by email) and search systems: a hash allows neither.
            errors.add(validation("UnsupportedIdentity", "identity_format " + safe(format) + " is not supported."));
        } else if ("email".equals(type) || "controller_customer_id".equals(type)) {
            boolean first = "email".equals(type) ? email == null : customerId == null;
            if (!first) {
                errors.add(validation("DuplicateIdentity", "at most one identity of each identity_type."));
            } else if ("email".equals(type)) {
                email = value;
            } else {
                customerId = value;
            }
        } else {
            errors.add(validation("UnsupportedIdentity", "identity_type " + safe(type) + " is not supported."));
        }
    }

    private static String safe(String s) {
        return s.length() > 40 || !s.matches("[a-z0-9_]+") ? "given" : s;
    }
}
