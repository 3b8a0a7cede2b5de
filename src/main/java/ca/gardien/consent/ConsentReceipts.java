package ca.gardien.consent;

import ca.gardien.inventory.DataMap;
import ca.gardien.inventory.Inventory;
import ca.gardien.ledger.EvidenceLedger;
import ca.gardien.organization.Organization;
import ca.gardien.shared.KeyedDigest;
import ca.gardien.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receipts of consent records: the ISO/IEC TS 27560 record and receipt fields, and a Kantara Consent Receipt v1.1
 * export, each pointing to the record's ledger entry. A person downloads them at a signed URL without an account.
 */
@Service
class ConsentReceipts {

    static final String PATH = "/consent/receipts/";

    private final ConsentRecords records;
    private final Inventory inventory;
    private final Organization organization;
    private final EvidenceLedger ledger;
    private final KeyedDigest key;
    private final Clock clock;

    ConsentReceipts(
            ConsentRecords records,
            Inventory inventory,
            Organization organization,
            EvidenceLedger ledger,
            @Qualifier(ConsentConfiguration.KEY) KeyedDigest key,
            Clock clock) {
        this.records = records;
        this.inventory = inventory;
        this.organization = organization;
        this.ledger = ledger;
        this.key = key;
        this.clock = clock;
    }

    String token(UUID recordId) {
        return recordId + "." + signature(recordId);
    }

    /** The record id a download token stands for. */
    UUID verify(String token) {
        int dot = token.indexOf('.');
        try {
            var id = UUID.fromString(token.substring(0, Math.max(dot, 0)));
            var expected = signature(id).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // malformed: same answer as a wrong signature
        }
        throw new NotFoundException("consent.object.receipt-for-link");
    }

    /**
     * The receipt of a record at its signed download URL: the signature proves the record existed, so a record no
     * longer there was destroyed at the end of its keeping period ({@link ReceiptGone}).
     */
    @Transactional(readOnly = true)
    Map<String, Object> download(UUID recordId, String format) {
        if (records.byId(recordId).isEmpty()) {
            throw new ReceiptGone();
        }
        return receipt(recordId, format, null);
    }

    @Transactional(readOnly = true)
    Map<String, Object> receipt(UUID recordId, String format, String downloadUrl) {
        var stored = records.byId(recordId)
                .orElseThrow(() -> new NotFoundException("consent.object.consent-record", recordId));
        var context = ReceiptContext.of(
                stored, inventory.current(), organization.profile().orElse(null));
        var receipt = "kantara".equals(format)
                ? KantaraReceipt.of(context, ledger.publicKeyPem())
                : Iso27560Receipt.of(context, clock.instant());
        receipt.put("ledgerEntry", ledgerPointer(stored));
        if (downloadUrl != null) {
            receipt.put("downloadUrl", downloadUrl);
        }
        return receipt;
    }

    private static Map<String, Object> ledgerPointer(ConsentRecords.Stored stored) {
        var pointer = new LinkedHashMap<String, Object>();
        pointer.put("eventId", stored.ledgerEventId().toString());
        pointer.put("action", "consent.recorded");
        pointer.put("objectType", "consent");
        pointer.put("objectId", stored.record().id().toString());
        pointer.put("export", "/api/v1/ledger/export");
        return pointer;
    }

    private String signature(UUID recordId) {
        var hex = key.digest("receipt", recordId.toString());
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(HexFormat.of().parseHex(hex));
    }

    /** What both receipt formats draw on. */
    record ReceiptContext(
            ConsentRecord record,
            String purposeNameFr,
            String purposeNameEn,
            boolean primary,
            List<String> categories,
            List<String> sensitiveCategories,
            List<String> legalBases,
            boolean thirdParties,
            String controller,
            String controllerEmail) {

        static ReceiptContext of(
                ConsentRecords.Stored stored, DataMap map, ca.gardien.organization.OrganizationProfile profile) {
            var record = stored.record();
            var purpose = map.purposes().stream()
                    .filter(p -> p.id().equals(record.purpose()))
                    .findFirst();
            var activities = map.processingActivities().stream()
                    .filter(a -> a.purposes().contains(record.purpose()))
                    .toList();
            var categories = activities.stream()
                    .flatMap(a -> a.categories().stream())
                    .distinct()
                    .sorted()
                    .toList();
            var sensitive = map.piCategories().stream()
                    .filter(c -> c.sensitive() && categories.contains(c.id()))
                    .map(c -> c.id())
                    .toList();
            return new ReceiptContext(
                    record,
                    purpose.map(p -> p.name().fr()).orElse(record.purpose()),
                    purpose.map(p -> p.name().en()).orElse(record.purpose()),
                    purpose.map(p -> !"secondary".equals(p.kind())).orElse(true),
                    categories,
                    sensitive,
                    activities.stream()
                            .map(a -> a.legalBasis())
                            .distinct()
                            .sorted()
                            .toList(),
                    activities.stream().anyMatch(a -> !a.recipients().isEmpty()),
                    profile == null ? null : profile.legalName(),
                    profile == null || profile.personInCharge() == null
                            ? null
                            : profile.personInCharge().email());
        }
    }

    /** A receipt's record was destroyed at the end of its keeping period (410 at the signed download URL). */
    static final class ReceiptGone extends RuntimeException {
        ReceiptGone() {
            super("the consent record was destroyed at the end of its keeping period", null, false, false);
        }
    }
}
