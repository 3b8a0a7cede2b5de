package ca.gardien.consent;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A consent record and its receipt with the information elements of ISO/IEC TS 27560:2023 (record header, PII
 * processing, party identification, event; receipt metadata), named after the DPV JSON profile of the standard.
 */
final class Iso27560Receipt {

    private Iso27560Receipt() {}

    static Map<String, Object> of(ConsentReceipts.ReceiptContext c, Instant issuedAt) {
        var r = c.record();
        var processing = new LinkedHashMap<String, Object>();
        processing.put("purposes", List.of(purpose(c)));
        processing.put("pii_categories", c.categories());
        processing.put("sensitive_pii_categories", c.sensitiveCategories());
        processing.put("legal_bases", c.legalBases());
        processing.put("jurisdiction", "CA-QC");
        processing.put("notice", r.noticeVersion() == null ? null : Map.of("version", r.noticeVersion()));
        processing.put("third_party_disclosure", c.thirdParties());

        var event = new LinkedHashMap<String, Object>();
        event.put("event_type", eventType(r.state()));
        event.put("event_time", r.recordedAt().toString());
        event.put("collection_method", r.channel().name());
        event.put("consent_type", r.kind() == ConsentTerms.Kind.EXPRESS ? "express" : "implicit");
        event.put("given_by", r.givenBy().name());
        event.put("validity", r.validUntil() == null ? null : r.validUntil().toString());
        event.put("language", r.evidence().language());
        event.put("global_privacy_control", r.evidence().gpc());

        var record = new LinkedHashMap<String, Object>();
        record.put("schema_version", "ISO/IEC TS 27560:2023");
        record.put("record_id", r.id().toString());
        record.put("pii_principal_id", r.subjectId().toString());
        record.put("pii_processing", processing);
        record.put("controllers", List.of(controller(c)));
        record.put("events", List.of(event));

        var receipt = new LinkedHashMap<String, Object>();
        receipt.put("receipt_id", "receipt-" + r.id());
        receipt.put("profile", "https://w3id.org/dpv/schema/iso-27560#receipt-summary");
        receipt.put("issued_at", issuedAt.toString());
        receipt.put("record", record);
        return receipt;
    }

    static String eventType(ConsentTerms.State state) {
        return switch (state) {
            case GRANTED -> "ConsentGiven";
            case REFUSED -> "ConsentRefused";
            case WITHDRAWN -> "ConsentWithdrawn";
            case EXPIRED -> "ConsentExpired";
        };
    }

    private static Map<String, Object> purpose(ConsentReceipts.ReceiptContext c) {
        var purpose = new LinkedHashMap<String, Object>();
        purpose.put("purpose_id", c.record().purpose());
        purpose.put("purpose", Map.of("fr", c.purposeNameFr(), "en", c.purposeNameEn()));
        purpose.put("primary_purpose", c.primary());
        return purpose;
    }

    private static Map<String, Object> controller(ConsentReceipts.ReceiptContext c) {
        var controller = new LinkedHashMap<String, Object>();
        controller.put("name", c.controller());
        controller.put("contact_email", c.controllerEmail());
        return controller;
    }
}
