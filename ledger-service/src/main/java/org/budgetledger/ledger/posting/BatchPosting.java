package org.budgetledger.ledger.posting;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.web.ApiProblem;
import org.budgetledger.web.ProblemResponses;
import org.budgetledger.web.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/transactions:batch}: each item is cut out of the body as the exact bytes the client
 * sent and answered as a single POST would answer it (its own validation, idempotency and result).
 *
 * <p>For speed, consecutive items are decided in groups inside one unit of work and one database
 * transaction: one commit and one append lock for up to {@link #GROUP_SIZE} transactions instead of one
 * each. Items are decided in order against the state the earlier ones left, as single POSTs would be; a
 * rejected item stores nothing (its budget year rejects before applying anything). If the group cannot
 * commit (a concurrent writer on another instance, a database failure), nothing of it is stored and its
 * items are posted again one by one.
 */
@Service
class BatchPosting {

    static final int ITEMS_MAX = 10_000;
    static final int GROUP_SIZE = 500;

    private static final Logger log = LoggerFactory.getLogger(BatchPosting.class);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(String id, int status, PostingResult result, ProblemDetail problem) {
    }

    record Results(List<Item> results) {
    }

    /** An item cut out of the body: its request, or why it could not be read. */
    private record Parsed(TransactionRequest request, ApiProblem unreadable) {
    }

    private final PostingService postingService;
    private final PostedTransactions postedTransactions;
    private final TransactionManager transactionManager;
    private final ObjectMapper json;

    BatchPosting(PostingService postingService, PostedTransactions postedTransactions,
                 TransactionManager transactionManager, ObjectMapper json) {
        this.postingService = postingService;
        this.postedTransactions = postedTransactions;
        this.transactionManager = transactionManager;
        this.json = json;
    }

    Results post(byte[] body, Caller caller) {
        List<Parsed> items = items(body).stream().map(this::parse).toList();
        Item[] results = new Item[items.size()];
        for (int start = 0; start < items.size(); start += GROUP_SIZE) {
            int end = Math.min(start + GROUP_SIZE, items.size());
            if (!group(items, start, end, caller, results)) {
                for (int index = start; index < end; index++) {
                    results[index] = alone(items.get(index), caller);
                }
            }
        }
        return new Results(Arrays.asList(results));
    }

    /**
     * Decides items [start, end) in one unit of work. Rejections are answers, not failures: they store
     * nothing and the group goes on. Anything else that goes wrong rolls the whole group back.
     *
     * @return whether the group committed (else nothing of it was stored and no result was set)
     */
    private boolean group(List<Parsed> items, int start, int end, Caller caller, Item[] results) {
        List<PostingService.Decision> decisions = new ArrayList<>();
        List<Integer> decided = new ArrayList<>();
        Item[] answers = new Item[end - start];
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            unitOfWork.attachTransaction(transactionManager);
            for (int index = start; index < end; index++) {
                Parsed parsed = items.get(index);
                if (parsed.unreadable() != null) {
                    answers[index - start] = problem(null, parsed.unreadable());
                    continue;
                }
                try {
                    decisions.add(postingService.decide(parsed.request(), caller));
                    decided.add(index);
                } catch (ApiProblem problem) {
                    answers[index - start] = problem(parsed.request().id(), problem);
                }
            }
            unitOfWork.commit();
        } catch (RuntimeException failed) {
            // a concurrent writer, a deadlock between groups, a database failure: decide one by one
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(failed);
            }
            log.info("event=batch_group_abandoned size={} reason=\"{}\"", end - start, failed.toString());
            return false;
        }
        Map<String, List<Long>> sequences = postedTransactions.sequencesOf(decisions.stream()
                .map(PostingService.Decision::id).toList());
        for (int n = 0; n < decisions.size(); n++) {
            PostingService.Decision decision = decisions.get(n);
            answers[decided.get(n) - start] = created(postingService.answer(decision,
                    sequences.getOrDefault(decision.id(), List.of())));
        }
        System.arraycopy(answers, 0, results, start, answers.length);
        return true;
    }

    private Item alone(Parsed parsed, Caller caller) {
        if (parsed.unreadable() != null) {
            return problem(null, parsed.unreadable());
        }
        try {
            return created(postingService.post(parsed.request(), caller));
        } catch (ApiProblem problem) {
            return problem(parsed.request().id(), problem);
        }
    }

    private static Item created(PostingService.Outcome outcome) {
        return new Item(outcome.result().id(), outcome.created() ? 201 : 200, outcome.result(), null);
    }

    private Parsed parse(byte[] item) {
        try {
            return new Parsed(json.readValue(item, TransactionRequest.class), null);
        } catch (IOException unreadable) {
            return new Parsed(null, ProblemResponses.unreadableJson(unreadable));
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
