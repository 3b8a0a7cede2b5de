package ca.gardien.consent;

import ca.gardien.shared.ApiLanguage;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.ProblemTypes;
import ca.gardien.shared.WebProperties;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Consent receipts: for staff through the API, for the person at the signed download URL the API gives. */
@RestController
class ReceiptController {

    /** A receipt whose consent record was destroyed at the end of its keeping period (410). */
    static final URI RECEIPT_GONE = ProblemTypes.of("consent-receipt-gone");

    private final ConsentReceipts receipts;
    private final MessageSource messages;
    private final WebProperties web;

    ReceiptController(ConsentReceipts receipts, MessageSource messages, WebProperties web) {
        this.receipts = receipts;
        this.web = web;
        this.messages = messages;
    }

    @GetMapping("/api/v1/consents/{id}/receipt")
    @Operation(summary = "The receipt of a consent record: format=iso27560 (default) or kantara; with its download URL")
    Map<String, Object> receipt(@PathVariable UUID id, @RequestParam(defaultValue = "iso27560") String format) {
        var url = web.link(ConsentReceipts.PATH + receipts.token(id)); // never the request's Host
        return receipts.receipt(id, checked(format), url);
    }

    @GetMapping(ConsentReceipts.PATH + "{token}")
    Map<String, Object> download(@PathVariable String token, @RequestParam(defaultValue = "iso27560") String format) {
        return receipts.download(receipts.verify(token), checked(format));
    }

    /** The signed link outlived its record, destroyed at the end of the keeping period. */
    @ExceptionHandler(ConsentReceipts.ReceiptGone.class)
    ProblemDetail gone() {
        var locale = ApiLanguage.current();
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.GONE, messages.getMessage("consent.problem.receipt-gone.detail", null, locale));
        problem.setType(RECEIPT_GONE);
        problem.setTitle(messages.getMessage("consent.problem.receipt-gone.title", null, locale));
        return problem;
    }

    private static String checked(String format) {
        if (!format.equals("iso27560") && !format.equals("kantara")) {
            throw new InvalidInputException("format", "consent.field.receipt-format");
        }
        return format;
    }
}
