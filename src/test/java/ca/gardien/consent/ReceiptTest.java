package ca.gardien.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.inventory.Inventory;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import ca.gardien.support.WebTestSupport;
import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

class ReceiptTest extends WebTestSupport {

    @Autowired
    Inventory inventory;

    String staff;
    String email;
    String recordId;

    @BeforeEach
    void consentGiven() throws Exception {
        inventory.apply(ConsentMap.YAML, Actor.SYSTEM);
        staff = bearer(Role.STAFF);
        email = "receipt-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        var body = mvc.perform(post("/api/v1/consents")
                        .header("Authorization", staff)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"subject": {"email": "%s"}, "purpose": "care", "state": "GRANTED", "kind": "EXPRESS",
                                 "channel": "WEB_FORM", "noticeVersion": "4", "evidence": {"language": "en"}}""".formatted(email)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        recordId = JsonPath.read(body, "$.id");
    }

    @Test
    void givesAnIso27560ReceiptPointingToTheLedgerEntry() throws Exception {
        var body = mvc.perform(get("/api/v1/consents/" + recordId + "/receipt").header("Authorization", staff))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.record.schema_version").value("ISO/IEC TS 27560:2023"))
                .andExpect(jsonPath("$.record.record_id").value(recordId))
                .andExpect(jsonPath("$.record.pii_processing.purposes[0].purpose_id")
                        .value("care"))
                .andExpect(jsonPath("$.record.pii_processing.sensitive_pii_categories[0]")
                        .value("health"))
                .andExpect(jsonPath("$.record.pii_processing.notice.version").value("4"))
                .andExpect(jsonPath("$.record.events[0].event_type").value("ConsentGiven"))
                .andExpect(jsonPath("$.record.events[0].consent_type").value("express"))
                .andExpect(jsonPath("$.ledgerEntry.objectId").value(recordId))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).doesNotContain(email);
        String eventId = JsonPath.read(body, "$.ledgerEntry.eventId");
        var entry = awaitLedgerEntry("consent.recorded", recordId);
        assertThat(entry.get("eventId")).isEqualTo(eventId);
    }

    @Test
    void givesAKantaraV11ReceiptAtTheSignedDownloadUrlWithoutAnAccount() throws Exception {
        var body = mvc.perform(get("/api/v1/consents/" + recordId + "/receipt").header("Authorization", staff))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String url = JsonPath.read(body, "$.downloadUrl");
        var path = url.substring(url.indexOf("/consent/receipts/"));
        mvc.perform(get(path).param("format", "kantara"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value("KI-CR-v1.1.0"))
                .andExpect(jsonPath("$.consentReceiptID").value(recordId))
                .andExpect(jsonPath("$.jurisdiction").value("CA-QC"))
                .andExpect(jsonPath("$.services[0].purposes[0].consentType").value("EXPLICIT"))
                .andExpect(jsonPath("$.sensitive").value(true))
                .andExpect(jsonPath("$.spiCat[0]").value("health"))
                .andExpect(jsonPath("$.ledgerEntry.eventId").isString());
        mvc.perform(get(path.substring(0, path.length() - 2) + "xx")).andExpect(problem(404, "not-found"));
        mvc.perform(get("/consent/receipts/" + recordId)).andExpect(problem(404, "not-found"));
    }

    @Test
    void rejectsAnUnknownFormatAndAnUnknownRecord() throws Exception {
        mvc.perform(get("/api/v1/consents/" + recordId + "/receipt")
                        .header("Authorization", staff)
                        .param("format", "pdf"))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("format"));
        mvc.perform(get("/api/v1/consents/" + UUID.randomUUID() + "/receipt").header("Authorization", staff))
                .andExpect(problem(404, "not-found"));
        mvc.perform(get("/api/v1/consents/not-a-uuid/receipt").header("Authorization", staff))
                .andExpect(problem(400, "validation"));
    }

    @Test
    void refusesReceiptsToAnonymousCallersOfTheApi() throws Exception {
        mvc.perform(get("/api/v1/consents/" + recordId + "/receipt")).andExpect(problem(401, "unauthenticated"));
    }
}
