package org.budgetledger.ledger.posting;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.ledger.audit.DamagedEvents;
import org.budgetledger.ledger.budgetyear.CarryOver;
import org.budgetledger.ledger.budgetyear.Posting;
import org.budgetledger.ledger.budgetyear.PostingCommand;
import org.budgetledger.ledger.budgetyear.TransactionRejected;
import org.budgetledger.ledger.catalog.Catalog;
import org.budgetledger.ledger.units.Units;
import org.budgetledger.web.ApiProblem;
import org.budgetledger.web.security.Caller;
import org.budgetledger.web.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;

/**
 * Posts one transaction: validates it, applies the idempotency rule, lets its budget year decide and
 * answers with the sequence numbers of the stored events.
 */
@Service
public class PostingService {

    /** A stale cached budget year (another instance appended first) is reloaded and decided again. */
    private static final int CONCURRENCY_ATTEMPTS_MAX = 5;

    private static final Logger log = LoggerFactory.getLogger(PostingService.class);

    public record Outcome(boolean created, PostingResult result) {
    }

    /** A transaction accepted now ({@code created}) or before, not yet answered. */
    record Decision(String id, String type, String lineId, boolean created, String unit, int year, String fingerprint) {
        PostedTransactions.Stored stored() {
            return new PostedTransactions.Stored(unit, id, type, fingerprint, lineId);
        }

        PostedTransactions.Key key() {
            return new PostedTransactions.Key(unit, id);
        }
    }

    /** Where a transaction's earlier acceptance is looked up first: the database, or what a group read of it. */
    interface EarlierPostings {
        Optional<PostedTransactions.Stored> find(String unit, String id);
    }

    private final CommandGateway commandGateway;
    private final PostedTransactions postedTransactions;
    private final Units units;
    private final Catalog catalog;
    private final MeterRegistry meters;
    private final DamagedEvents damagedEvents;

    PostingService(CommandGateway commandGateway, PostedTransactions postedTransactions, Units units, Catalog catalog,
                   MeterRegistry meters, DamagedEvents damagedEvents) {
        this.meters = meters;
        this.damagedEvents = damagedEvents;
        this.commandGateway = commandGateway;
        this.postedTransactions = postedTransactions;
        this.units = units;
        this.catalog = catalog;
    }

    /** Posts one transaction in its own database transaction and answers with its stored sequences. */
    public Outcome post(TransactionRequest request, Caller caller) {
        Decision decision = decide(request, caller);
        return answer(decision, postedTransactions.sequencesOf(decision.unit(), decision.id()));
    }

    private void count(String type, String outcome, String code) {
        meters.counter("budgetledger.transactions", "type", type == null ? "none" : type, "outcome", outcome,
                "code", code).increment();
    }

    /**
     * Validates the transaction, applies the idempotency rule and lets its budget year decide. Inside a
     * caller's unit of work (a batch group) nothing is stored until that unit of work commits.
     */
    Decision decide(TransactionRequest request, Caller caller) {
        return decide(request, caller, postedTransactions::find);
    }

    /**
     * As {@link #decide(TransactionRequest, Caller)}, but looks for the transaction's earlier acceptance in
     * {@code earlier} first; only when it was accepted concurrently does the database decide.
     */
    Decision decide(TransactionRequest request, Caller caller, EarlierPostings earlier) {
        long startedNanos = System.nanoTime();
        String type = request.type() != null && request.type().length() <= 32 ? request.type() : "invalid";
        try {
            Decision decision = decideUncounted(request, caller, earlier);
            count(type, decision.created() ? "accepted" : "repeated", "none");
            return decision;
        } catch (ApiProblem problem) {
            count(type, "rejected", problem.code().name());
            throw problem;
        } finally {
            meters.timer("budgetledger.posting.duration", "type", type).record(System.nanoTime() - startedNanos,
                    java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private Decision decideUncounted(TransactionRequest request, Caller caller, EarlierPostings earlierPostings) {
        RequestCheck check = request.command(caller.name());
        if (check instanceof RequestCheck.Failed failed) {
            throw new ApiProblem(failed.rejection().code(), failed.rejection().detail(), failed.rejection().errors());
        }
        RequestCheck.Passed passed = (RequestCheck.Passed) check;
        PostingCommand command = passed.command();
        Posting posting = command.posting();
        caller.requireWritable(posting.unit());
        if (command instanceof CarryOver) {
            caller.requireRole(Role.ADMIN, "CARRY_OVER");
        }
        String canonicalRequest = passed.request().canonical();
        String fingerprint = CanonicalRequests.sha256(canonicalRequest);
        // the same id in another unit is another transaction (SPEC §4 v2), which this one never learns of
        Optional<Decision> earlier = earlierPostings.find(posting.unit(), posting.transactionId())
                .map(stored -> repeat(stored, fingerprint));
        if (earlier.isPresent()) {
            return earlier.get();
        }
        checkReferences(command);
        String lineId = command.createdLineId();
        PostingRecord record = new PostingRecord(posting.transactionId(), request.type(), posting.unit(),
                posting.year(), fingerprint, canonicalRequest, lineId, caller.name());
        Object result;
        try {
            result = dispatch(command, record);
        } catch (IdempotencyRecording.DuplicateTransaction concurrentDuplicate) {
            return earlier(posting.unit(), posting.transactionId(), fingerprint).orElseThrow();
        }
        if (result instanceof TransactionRejected rejected) {
            // a concurrent twin of this very transaction may be what used up the balance: then it is a repeat
            Optional<Decision> twin = earlier(posting.unit(), posting.transactionId(), fingerprint);
            if (twin.isPresent()) {
                return twin.get();
            }
            log.info("event=transaction_rejected id={} type={} unit={} year={} code={}", posting.transactionId(),
                    request.type(), posting.unit(), posting.year(), rejected.code());
            throw new ApiProblem(rejected.code(), rejected.getMessage());
        }
        return new Decision(posting.transactionId(), request.type(), lineId, true, posting.unit(), posting.year(), fingerprint);
    }

    /** The answer to a decided transaction, once its events are stored. */
    Outcome answer(Decision decision, List<Long> sequence) {
        PostingResult result = PostingResult.accepted(decision.id(), decision.type(), sequence, decision.lineId());
        if (decision.created()) {
            log.info("event=transaction_accepted id={} type={} unit={} year={} sequence={}", result.id(), result.type(),
                    decision.unit(), decision.year(), result.sequence());
        }
        return new Outcome(decision.created(), result);
    }

    /** The unit and the catalog codes a transaction names must exist (400 with their own codes). */
    private void checkReferences(PostingCommand command) {
        if (!units.exists(command.posting().unit())) {
            throw new ApiProblem(ProblemCode.UNKNOWN_UNIT, "unit " + command.posting().unit() + " is not registered");
        }
        command.subjectCode().filter(code -> !catalog.hasSubject(code)).ifPresent(code -> {
            throw new ApiProblem(ProblemCode.UNKNOWN_SUBJECT, "subject " + code + " is not a 项 of the catalog",
                    List.of(new FieldError("subject", "not in the catalog")));
        });
        command.economicCode().filter(code -> !catalog.hasEconomic(code)).ifPresent(code -> {
            throw new ApiProblem(ProblemCode.UNKNOWN_ECONOMIC, "economic code " + code + " is not in the catalog",
                    List.of(new FieldError("economic", "not in the catalog")));
        });
    }

    /**
     * @return the budget year's result: a created line id, null, or the {@link TransactionRejected}
     * @throws ApiProblem {@code EVENT_DAMAGED} when a budget year it needs cannot be loaded from its events
     */
    private Object dispatch(PostingCommand command, PostingRecord record) {
        for (int attempt = 1; ; attempt++) {
            try {
                return commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                        .andMetaData(record.toMetaData()));
            } catch (ConcurrencyException stale) {
                if (attempt == CONCURRENCY_ATTEMPTS_MAX) {
                    throw stale;
                }
                log.info("event=posting_retried id={} attempt={} reason=concurrent_append", record.id(), attempt);
            } catch (RuntimeException failed) {
                // a carry-over loads the next year as well
                List<Integer> years = command instanceof CarryOver ? List.of(record.year(), record.year() + 1) : List.of(record.year());
                Optional<ApiProblem> damaged = damagedEvents.problem(failed, record.unit(), years);
                if (damaged.isPresent()) {
                    throw damaged.get();
                }
                throw failed;
            }
        }
    }

    private Optional<Decision> earlier(String unit, String id, String fingerprint) {
        return postedTransactions.find(unit, id).map(stored -> repeat(stored, fingerprint));
    }

    /** The same id accepted before in the same unit: a repeat if the bodies are the same, a conflict if not. */
    private static Decision repeat(PostedTransactions.Stored stored, String fingerprint) {
        if (!stored.fingerprint().equals(fingerprint)) {
            throw new ApiProblem(ProblemCode.IDEMPOTENCY_CONFLICT, "transaction " + stored.id() + " of unit "
                    + stored.unit() + " was posted before with a different body");
        }
        return new Decision(stored.id(), stored.type(), stored.lineId(), false, stored.unit(), 0, fingerprint);
    }
}
