package org.budgetledger.ledger.posting;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.media.Schema;
import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.web.ApiProblem;
import org.budgetledger.web.ProblemResponses;
import org.budgetledger.web.security.Caller;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code POST /api/v1/transactions:batch}: each item is cut out of the body as the exact bytes the client
 * sent, read on its own, and posted with the others ({@link TransactionPosting}): answered as a single POST of
 * it would be (its own validation, idempotency and result, by {@link PostingAnswer#http}), in order. Only a body
 * that is not {@code {"transactions": [...]}} as a whole is refused.
 */
@Service
public class BatchPosting {

    public static final int ITEMS_MAX = 10_000;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "BatchItem")
    record Item(String id, int status, PostingResult result, ProblemDetail problem) {
    }

    @Schema(name = "BatchResults")
    record Results(List<Item> results) {
    }

    private final TransactionPosting posting;
    private final ObjectMapper json;

    BatchPosting(TransactionPosting posting, ObjectMapper json) {
        this.posting = posting;
        this.json = json;
    }

    Results post(byte[] body, Caller caller) {
        List<TransactionRequests.Decoded> items = items(body).stream().map(item -> TransactionRequests.read(json, item)).toList();
        return new Results(posting.post(items, caller, false, decided -> {
        }).stream().map(BatchPosting::item).toList());
    }

    /** A batch answer as JSON: the status and body a single POST of the item would have answered. */
    private static Item item(PostingAnswer answer) {
        ResponseEntity<?> http = PostingAnswer.http(answer);
        return new Item(answer.id(), http.getStatusCode().value(),
                http.getBody() instanceof PostingResult result ? result : null,
                http.getBody() instanceof ProblemDetail problem ? problem : null);
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
