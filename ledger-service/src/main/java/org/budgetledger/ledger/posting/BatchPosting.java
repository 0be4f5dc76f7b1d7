package org.budgetledger.ledger.posting;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.media.Schema;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.ledger.decision.Rejection;
import org.budgetledger.web.ApiProblem;
import org.budgetledger.web.DatabaseFailures;
import org.budgetledger.web.ProblemResponses;
import org.budgetledger.web.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * {@code POST /api/v1/transactions:batch}: each item is cut out of the body as the exact bytes the client
 * sent and answered as a single POST would answer it (its own validation, idempotency and result).
 *
 * <p>For speed, consecutive items are decided in groups inside one unit of work and one database
 * transaction: one commit and one append lock for up to {@link #GROUP_SIZE} transactions instead of one
 * each. Items are decided in order against the state the earlier ones left, as single POSTs would be; a
 * rejected item stores nothing (its budget year rejects before applying anything). An item that fails for a
 * reason of its own (a bug it runs into, say) is answered with that failure alone, and the group is decided
 * again without it. If the group cannot commit (a concurrent writer on another instance, a database
 * failure, a row the database refuses), nothing of it is stored and its items are posted again one by one,
 * where a failure is again only its own item's answer, unless the database is out of reach.
 *
 * <p>The import of voucher files decides its rows here too ({@link #decide}), either the same way or all
 * or nothing: every item in one unit of work, which is rolled back if any item is rejected.
 */
@Service
public class BatchPosting {

    public static final int ITEMS_MAX = 10_000;
    static final int GROUP_SIZE = 500;
    /** An all-or-nothing run that cannot commit (a concurrent writer, say) is decided again, this often at most. */
    static final int ALL_OR_NOTHING_ATTEMPTS_MAX = 3;

    private static final Logger log = LoggerFactory.getLogger(BatchPosting.class);
    private static final IntConsumer NO_PROGRESS = decided -> {
    };

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "BatchItem")
    record Item(String id, int status, PostingResult result, ProblemDetail problem) {
    }

    @Schema(name = "BatchResults")
    record Results(List<Item> results) {
    }

    /** An item to decide: its request, or why it could not be read (it is then answered with that problem). */
    public record Parsed(TransactionRequest request, ApiProblem unreadable) {
        public static Parsed readable(TransactionRequest request) {
            return new Parsed(request, null);
        }

        public static Parsed unreadable(ApiProblem problem) {
            return new Parsed(null, problem);
        }
    }

    /** How one item was decided. */
    public sealed interface Answer permits Accepted, Rejected, Withdrawn {
    }

    /** Accepted now ({@code outcome.created()}) or before, and stored. */
    public record Accepted(PostingService.Outcome outcome) implements Answer {
    }

    /** Refused as a single POST would refuse it; stored nothing. The id is null when the item was unreadable. */
    public record Rejected(String id, ApiProblem problem) implements Answer {
    }

    /** Would have been accepted, but another item of its all-or-nothing run was rejected: stored nothing. */
    public record Withdrawn(String id) implements Answer {
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
        return new Results(decide(items, caller, false, NO_PROGRESS).stream().map(BatchPosting::item).toList());
    }

    /**
     * Decides the items in order, each as a single POST would be decided.
     *
     * @param allOrNothing store the accepted items only if no item is rejected; every item is decided even
     *                     so, so that every rejection is reported
     * @param progress     told the number of items decided so far after each item (it starts again from the
     *                     first item of a group that is decided again)
     * @return one answer per item, in order
     */
    public List<Answer> decide(List<Parsed> items, Caller caller, boolean allOrNothing, IntConsumer progress) {
        return decide(items, Collections.nCopies(items.size(), caller), allOrNothing, progress);
    }

    /**
     * Decides the items in one group, each on behalf of its own caller (single POSTs committed together).
     *
     * @return one answer per item, in order; empty if the group could not commit (then nothing was stored)
     */
    Optional<List<Answer>> decideTogether(List<Parsed> items, List<Caller> callers) {
        Answer[] answers = new Answer[items.size()];
        return group(items, callers, 0, items.size(), false, NO_PROGRESS, answers) ? Optional.of(Arrays.asList(answers))
                : Optional.empty();
    }

    private List<Answer> decide(List<Parsed> items, List<Caller> callers, boolean allOrNothing, IntConsumer progress) {
        if (items.size() > ITEMS_MAX) {
            throw new IllegalArgumentException(items.size() + " items; at most " + ITEMS_MAX + " are decided at once");
        }
        Answer[] answers = new Answer[items.size()];
        if (allOrNothing) {
            for (int attempt = 1; !group(items, callers, 0, items.size(), true, progress, answers); attempt++) {
                if (attempt == ALL_OR_NOTHING_ATTEMPTS_MAX) {
                    throw new IllegalStateException("the items could not be committed together in "
                            + ALL_OR_NOTHING_ATTEMPTS_MAX + " attempts");
                }
            }
            return Arrays.asList(answers);
        }
        for (int start = 0; start < items.size(); start += GROUP_SIZE) {
            int end = Math.min(start + GROUP_SIZE, items.size());
            if (!group(items, callers, start, end, false, progress, answers)) {
                for (int index = start; index < end; index++) {
                    answers[index] = alone(items.get(index), callers.get(index));
                    progress.accept(index + 1);
                }
            }
        }
        return Arrays.asList(answers);
    }

    /** How one attempt at deciding a group ended. */
    private enum Attempt { DECIDED, ITEM_FAILED, ABANDONED }

    /**
     * Decides items [start, end) in one unit of work, again without an item that failed on its own (at most
     * once per item).
     *
     * @return whether the group was decided (else nothing of it was stored and no answer was set)
     */
    private boolean group(List<Parsed> items, List<Caller> callers, int start, int end, boolean allOrNothing,
                          IntConsumer progress, Answer[] results) {
        Answer[] failedAlone = new Answer[end - start];
        Attempt attempt;
        do {
            attempt = attempt(items, callers, start, end, allOrNothing, progress, results, failedAlone);
        } while (attempt == Attempt.ITEM_FAILED);
        return attempt == Attempt.DECIDED;
    }

    /**
     * One attempt at deciding items [start, end) in one unit of work, leaving out those in {@code failedAlone}.
     * Rejections are answers, not failures: they store nothing and the group goes on; with
     * {@code allOrNothing}, one rejection rolls the group back once every item is decided. An item that fails
     * otherwise, but not for want of the database, rolls the group back, and gets that failure as its answer in
     * {@code failedAlone}. Anything else that goes wrong rolls the whole group back. A rollback evicts the
     * budget years the group touched from Axon's cache (each command's unit of work is nested in the group's
     * and rolls back with it), so no state of a rolled-back item outlives it.
     */
    private Attempt attempt(List<Parsed> items, List<Caller> callers, int start, int end, boolean allOrNothing,
                            IntConsumer progress, Answer[] results, Answer[] failedAlone) {
        List<PostingService.Decision> decisions = new ArrayList<>();
        List<Integer> decided = new ArrayList<>();
        Answer[] answers = failedAlone.clone();
        boolean withdrawn;
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        List<PostingRecord> records = new ArrayList<>();
        unitOfWork.resources().put(IdempotencyRecording.GROUPED_RECORDS, records);
        try {
            unitOfWork.attachTransaction(transactionManager);
            // one query for the group's earlier acceptances, kept up to date with what the group accepts
            Map<PostedTransactions.Key, PostedTransactions.Stored> earlier = postedTransactions.findAll(
                    items.subList(start, end).stream()
                            .filter(parsed -> parsed.request() != null && parsed.request().id() != null)
                            .map(parsed -> new PostedTransactions.Key(parsed.request().unit(), parsed.request().id())).toList());
            for (int index = start; index < end; index++) {
                Parsed parsed = items.get(index);
                if (failedAlone[index - start] != null) {
                    progress.accept(index + 1);
                    continue;
                }
                if (parsed.unreadable() != null) {
                    answers[index - start] = new Rejected(null, parsed.unreadable());
                } else {
                    try {
                        PostingService.Decision decision = postingService.decide(parsed.request(), callers.get(index),
                                (unit, id) -> Optional.ofNullable(earlier.get(new PostedTransactions.Key(unit, id))));
                        earlier.putIfAbsent(decision.key(), decision.stored());
                        decisions.add(decision);
                        decided.add(index);
                    } catch (ApiProblem problem) {
                        answers[index - start] = new Rejected(parsed.request().id(), problem);
                    } catch (RuntimeException failed) {
                        if (!itsOwn(failed)) {
                            throw failed;
                        }
                        unitOfWork.rollback(failed);
                        log.info("event=batch_group_redecided size={} without={} reason=\"{}\"", end - start,
                                parsed.request().id(), failed.toString().replace('"', '\''));
                        failedAlone[index - start] = new Rejected(parsed.request().id(), ProblemResponses.unexpectedProblem(failed));
                        return Attempt.ITEM_FAILED;
                    }
                }
                progress.accept(index + 1);
            }
            withdrawn = allOrNothing && decided.size() < end - start;
            if (withdrawn) {
                unitOfWork.rollback();
            } else {
                // before the events, which the commit appends and which refer to these records
                postedTransactions.insertAll(records);
                unitOfWork.commit();
            }
        } catch (RuntimeException failed) {
            // a concurrent writer, a deadlock between groups, a database failure: the caller decides again
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(failed);
            }
            log.info("event=batch_group_abandoned size={} reason=\"{}\"", end - start, failed.toString());
            return Attempt.ABANDONED;
        }
        if (withdrawn) {
            decided.forEach(index -> answers[index - start] = new Withdrawn(items.get(index).request().id()));
            System.arraycopy(answers, 0, results, start, answers.length);
            return Attempt.DECIDED;
        }
        Map<PostedTransactions.Key, List<Long>> sequences = postedTransactions.sequencesOf(decisions.stream()
                .map(PostingService.Decision::key).toList());
        for (int n = 0; n < decisions.size(); n++) {
            PostingService.Decision decision = decisions.get(n);
            answers[decided.get(n) - start] = new Accepted(postingService.answer(decision,
                    sequences.getOrDefault(decision.key(), List.of())));
        }
        System.arraycopy(answers, 0, results, start, answers.length);
        return Attempt.DECIDED;
    }

    /**
     * One item in its own database transaction. A failure is that item's answer, as a single POST would
     * answer it; only a database outage, which every other item would run into too, is thrown.
     */
    Answer alone(Parsed parsed, Caller caller) {
        if (parsed.unreadable() != null) {
            return new Rejected(null, parsed.unreadable());
        }
        try {
            return new Accepted(postingService.post(parsed.request(), caller));
        } catch (ApiProblem problem) {
            return new Rejected(parsed.request().id(), problem);
        } catch (RuntimeException failed) {
            if (DatabaseFailures.isOutage(failed)) {
                throw failed;
            }
            return new Rejected(parsed.request().id(), ProblemResponses.unexpectedProblem(failed));
        }
    }

    /**
     * Whether a failure while deciding an item is the item's own (a bug it runs into, a value the database
     * refuses), not the database's or the moment's (an outage, a concurrent writer, a deadlock), after which
     * the whole group is decided again one by one.
     */
    private static boolean itsOwn(RuntimeException failed) {
        for (Throwable cause = failed; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConcurrencyException || cause instanceof TransientDataAccessException) {
                return false;
            }
        }
        return !DatabaseFailures.isOutage(failed);
    }

    /** A batch answer as JSON: a batch is never all or nothing, so no item of it is withdrawn. */
    private static Item item(Answer answer) {
        if (answer instanceof Accepted accepted) {
            PostingService.Outcome outcome = accepted.outcome();
            return new Item(outcome.result().id(), outcome.created() ? 201 : 200, outcome.result(), null);
        }
        if (answer instanceof Rejected rejected) {
            ApiProblem problem = rejected.problem();
            return new Item(rejected.id(), problem.code().httpStatus(), null,
                    ProblemResponses.problem(problem.code(), problem.getMessage(), problem.errors()).getBody());
        }
        throw new IllegalStateException("a batch item was withdrawn: " + answer);
    }

    private Parsed parse(byte[] item) {
        TransactionRequests.Decoded decoded = TransactionRequests.read(json, item);
        if (decoded instanceof TransactionRequests.Unreadable unreadable) {
            Rejection rejection = unreadable.rejection();
            return Parsed.unreadable(new ApiProblem(rejection.code(), rejection.detail(), rejection.errors()));
        }
        return Parsed.readable(((TransactionRequests.Readable) decoded).request());
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
