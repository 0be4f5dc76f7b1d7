package org.budgetledger.ledger.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.events.BudgetAppropriated;
import org.budgetledger.contracts.wire.EventTypes;
import org.budgetledger.contracts.integrity.EventHash;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.web.operations.ApiDescription;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.GET;
import static io.swagger.v3.oas.models.PathItem.HttpMethod.POST;

/**
 * The audit endpoints in the OpenAPI description beyond their annotations: the page of history (JSON and
 * CSV) with a stored event whose hash is really its hash, the event types a filter takes, and examples
 * of a verification and a topic check (the digest's: EvidenceApiDocs).
 */
@Component
class AuditApiDocs implements OpenApiCustomizer {

    private static final String EVENTS = "/api/v1/audit/events";

    private final ObjectMapper json;

    AuditApiDocs(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void customise(OpenAPI api) {
        ApiDescription docs = new ApiDescription(api, json);
        docs.operation(GET, EVENTS).ifPresent(operation -> operation.getParameters().stream()
                .filter(parameter -> parameter.getName().equals("type")).forEach(type -> type.setSchema(
                        ApiDescription.closedSet(type.getSchema(), EventTypes.names().stream().sorted().toList()))));
        StoredEvent event = appropriation();
        docs.media(GET, EVENTS, "200", ApiDescription.JSON).ifPresent(media -> media.schema(new ObjectSchema()
                .addProperty("events", new ArraySchema().items(docs.schemaOf(StoredEvent.class)))
                .addProperty("next", new StringSchema().description("the URL of the next page; null at the end"))));
        docs.media(GET, EVENTS, "200", "text/csv").ifPresent(media -> media.schema(new StringSchema()));
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("events", List.of(rawPayload(event)));
        page.put("next", "http://localhost:8080/api/v1/audit/events?unit=430001&limit=1&afterSequence=1");
        docs.answer(GET, EVENTS, "200", "one event and the next page", page)
                .answer(GET, EVENTS, "200", "text/csv", "the same as CSV", HistoryCsv.write(List.of(event)));

        docs.request(POST, "/api/v1/audit/verify", "a digest kept earlier", new Digest(event.sequence(), event.hash(), null))
                .answer(POST, "/api/v1/audit/verify", "200", "intact", new ChainVerification.Result(true, 1042, null))
                .answer(POST, "/api/v1/audit/verify", "200", "an event changed in the database",
                        new ChainVerification.Result(false, 17, new ChainVerification.Offending(17L,
                                "6f1c2a9e-3b7d-4c55-9a0e-2f8d1b4e7c31", "its content does not match its hash: it was altered")))
                .answer(POST, "/api/v1/audit/verify", "200", "a table beside the events changed in the database",
                        new ChainVerification.Result(false, 1042, new ChainVerification.Offending(880L,
                                "1d4e7a2b-9c3f-4e61-8b5a-7f2c0d9e3a14", "principal is mallory, but its events were posted by li",
                                "posted_transaction", "p17", "430001")))
                .answer(POST, "/api/v1/audit/verify", "200", "the same, as an auditor of another department sees it",
                        new ChainVerification.Result(false, 1042, new ChainVerification.Offending(880L,
                                "1d4e7a2b-9c3f-4e61-8b5a-7f2c0d9e3a14", "principal is mallory, but its events were posted by li",
                                "posted_transaction", "p17", "430001").undisclosed()))
                .answer(POST, "/api/v1/audit/topic-check", "200", "the topic holds the store",
                        new TopicCheck.Result(true, 1042, 1042, 0, 1045, 3, List.of(), List.of(), List.of()));
    }

    /** The first event of a history, as stored: its payload, and its hash computed as the store computes it. */
    private StoredEvent appropriation() {
        Instant recordedAt = Instant.parse("2023-01-10T02:31:07.412953Z");
        String eventId = "0c6a3e9b-5f1d-4b8e-8c27-9e4d2a7f1b60";
        String payload = write(new BudgetAppropriated("a1", "430001", 2023, LocalDate.of(2023, 1, 10), "li", null,
                null, "a1", Fund.GENERAL_BUDGET, "2140199", Kind.PROJECT, "业务工作经费", null, Money.parseYuan("1000000.00")));
        String hash = EventHash.of(EventHash.GENESIS, eventId, "430001:2023", 0, "BudgetAppropriated", recordedAt, "a1",
                payload.getBytes(StandardCharsets.UTF_8));
        return new StoredEvent(1, eventId, "a1", "BudgetAppropriated", "430001:2023", 0, "430001", 2023, "2023-01-10",
                recordedAt, "li", payload, EventHash.GENESIS, hash, "9b2f0c7e1d4a5b6c8e3f2a1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b",
                null, null);
    }

    /** The event with its payload as the JSON object it is (the answer writes it raw). */
    private ObjectNode rawPayload(StoredEvent event) {
        ObjectNode node = json.valueToTree(event);
        try {
            node.set("payload", json.readTree(event.storedPayload()));
        } catch (JsonProcessingException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return node;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }
}
