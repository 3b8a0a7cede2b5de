package ca.gardien.consent;

import ca.gardien.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Consent receipts: for staff through the API, for the person at the signed download URL the API gives. */
@RestController
class ReceiptController {

    private final ConsentReceipts receipts;

    ReceiptController(ConsentReceipts receipts) {
        this.receipts = receipts;
    }

    @GetMapping("/api/v1/consents/{id}/receipt")
    @Operation(summary = "The receipt of a consent record: format=iso27560 (default) or kantara; with its download URL")
    Map<String, Object> receipt(@PathVariable UUID id, @RequestParam(defaultValue = "iso27560") String format) {
        var url = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(ConsentReceipts.PATH + receipts.token(id))
                .toUriString();
        return receipts.receipt(id, checked(format), url);
    }

    @GetMapping(ConsentReceipts.PATH + "{token}")
    Map<String, Object> download(@PathVariable String token, @RequestParam(defaultValue = "iso27560") String format) {
        return receipts.receipt(receipts.verify(token), checked(format), null);
    }

    private static String checked(String format) {
        if (!format.equals("iso27560") && !format.equals("kantara")) {
            throw new InvalidInputException("format", "consent.field.receipt-format");
        }
        return format;
    }
}
