package ca.gardien.consent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The same record as a Kantara Initiative Consent Receipt v1.1. */
final class KantaraReceipt {

    private KantaraReceipt() {}

    static Map<String, Object> of(ConsentReceipts.ReceiptContext c, String publicKeyPem) {
        var r = c.record();
        var purpose = new LinkedHashMap<String, Object>();
        purpose.put("purpose", c.purposeNameEn());
        purpose.put("purposeCategory", List.of(r.purpose()));
        purpose.put("consentType", r.kind() == ConsentTerms.Kind.EXPRESS ? "EXPLICIT" : "IMPLICIT");
        purpose.put("piiCategory", c.categories());
        purpose.put("primaryPurpose", c.primary());
        purpose.put(
                "termination",
                r.validUntil() == null ? "withdrawal at any time" : "valid until " + r.validUntil() + " or withdrawal");
        purpose.put("thirdPartyDisclosure", c.thirdParties());

        var controller = new LinkedHashMap<String, Object>();
        controller.put("piiController", c.controller());
        controller.put("onBehalf", false);
        controller.put("email", c.controllerEmail());

        var receipt = new LinkedHashMap<String, Object>();
        receipt.put("version", "KI-CR-v1.1.0");
        receipt.put("jurisdiction", "CA-QC");
        receipt.put("consentTimestamp", r.recordedAt().getEpochSecond());
        receipt.put("collectionMethod", r.channel().name());
        receipt.put("consentReceiptID", r.id().toString());
        receipt.put("publicKey", publicKeyPem);
        receipt.put(
                "language",
                r.evidence().language() == null ? "fr" : r.evidence().language());
        receipt.put("piiPrincipalId", r.subjectId().toString());
        receipt.put("piiControllers", List.of(controller));
        receipt.put("policyUrl", "/privacy");
        receipt.put("services", List.of(Map.of("service", c.purposeNameEn(), "purposes", List.of(purpose))));
        receipt.put("sensitive", !c.sensitiveCategories().isEmpty());
        receipt.put("spiCat", c.sensitiveCategories());
        receipt.put("state", Iso27560Receipt.eventType(r.state()));
        return receipt;
    }
}
