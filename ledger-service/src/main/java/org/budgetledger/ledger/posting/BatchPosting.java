package org.budgetledger.ledger.posting;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.web.ApiProblem;
import org.budgetledger.web.ProblemResponses;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code POST /api/v1/transactions:batch}: each item is cut out of the body as the exact bytes the client
 * sent and treated as a single POST would treat it (its own validation, idempotency and answer), so one
 * bad item never affects the others.
 */
@Service
class BatchPosting {

    static final int ITEMS_MAX = 10_000;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(String id, int status, PostingResult result, ProblemDetail problem) {
    }

    record Results(List<Item> results) {
    }

    private final PostingService postingService;
    private final ObjectMapper json;

    BatchPosting(PostingService postingService, ObjectMapper json) {
        this.postingService = postingService;
        this.json = json;
    }

    Results post(byte[] body, String principal) {
        List<byte[]> items = items(body);
        List<Item> results = new ArrayList<>(items.size());
        for (byte[] item : items) {
            results.add(postOne(item, principal));
        }
        return new Results(results);
    }

    private Item postOne(byte[] item, String principal) {
        TransactionRequest request;
        try {
            request = json.readValue(item, TransactionRequest.class);
        } catch (IOException unreadable) {
            return problem(null, ProblemResponses.unreadableJson(unreadable));
        }
        try {
            PostingService.Outcome outcome = postingService.post(request, principal);
            return new Item(outcome.result().id(), outcome.created() ? 201 : 200, outcome.result(), null);
        } catch (ApiProblem problem) {
            return problem(request.id(), problem);
        }
    }

    private static Item problem(String id, ApiProblem problem) {
        return new Item(id, problem.code().httpStatus(), null,
                ProblemResponses.problem(problem.code(), problem.getMessage(), problem.errors()).getBody());
    }

    /** The raw bytes of each element of {@code transactions}, which must be an array of at most ITEMS_MAX. */
    private List<byte[]> items(byte[] body) {
        List<byte[]> items = new ArrayList<>();
        try (JsonParser parser = json.getFactory().createParser(body)) {
            expect(parser.nextToken() == JsonToken.START_OBJECT, "the body must be {\"transactions\": [...]}");
            expect(parser.nextToken() == JsonToken.FIELD_NAME && "transactions".equals(parser.currentName()),
                    "the body must be {\"transactions\": [...]}");
            expect(parser.nextToken() == JsonToken.START_ARRAY, "transactions must be an array");
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                expect(items.size() < ITEMS_MAX, "at most " + ITEMS_MAX + " transactions per batch");
                int start = (int) parser.currentTokenLocation().getByteOffset();
                parser.skipChildren();
                int end = (int) parser.currentLocation().getByteOffset();
                items.add(Arrays.copyOfRange(body, start, end));
            }
            expect(parser.nextToken() == JsonToken.END_OBJECT, "the body must hold only \"transactions\"");
            expect(parser.nextToken() == null, "nothing may follow the body's object");
        } catch (JsonProcessingException malformed) {
            throw ProblemResponses.unreadableJson(malformed);
        } catch (IOException unreadable) {
            throw new ApiProblem(ProblemCode.MALFORMED_REQUEST, "the body could not be read");
        }
        return items;
    }

    private static void expect(boolean condition, String message) {
        if (!condition) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, message, List.of(new FieldError("transactions", message)));
        }
    }
}
