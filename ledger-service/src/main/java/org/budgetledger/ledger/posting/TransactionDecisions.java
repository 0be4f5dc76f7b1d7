package org.budgetledger.ledger.posting;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.GenericMessage;
import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.ledger.audit.DamagedEvents;
import org.budgetledger.ledger.budgetyear.CarryOver;
import org.budgetledger.ledger.budgetyear.Posting;
import org.budgetledger.ledger.budgetyear.PostingCommand;
import org.budgetledger.ledger.catalog.Catalog;
import org.budgetledger.ledger.decision.Decision;
import org.budgetledger.contracts.api.Rejection;
import org.budgetledger.ledger.units.Units;
import org.budgetledger.web.ApiProblem;
import org.budgetledger.web.security.Caller;
import org.budgetledger.web.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Decides one transaction on its own state, inside the unit of work of its group ({@link TransactionPosting}):
 * validation, the caller's rights, the idempotency rule, the unit and catalog codes it names, and then its
 * budget year's {@link Decision}. Each step answers a {@link Rejection} or lets the next one decide; nothing is
 * thrown for a rejection. Nothing is stored here: an accepted transaction's idempotency record is returned for
 * the group to insert, before its events, in the group's database transaction.
 */
@Component
class TransactionDecisions {

    private static final Logger log = LoggerFactory.getLogger(TransactionDecisions.class);

    /** How an item was decided before its group commits. */
    sealed interface Decided permits Acceptance, Refusal {
    }

    /**
     * Accepted now ({@code record} is its idempotency record, for the group to insert) or before ({@code record}
     * is null); answered once its group committed, with the sequences of its events.
     */
    record Acceptance(String id, String type, String lineId, String unit, int year, String fingerprint,
                      PostingRecord record) implements Decided {
        boolean created() {
            return record != null;
        }

        PostedTransactions.Key key() {
            return new PostedTransactions.Key(unit, id);
        }

        PostedTransactions.Stored stored() {
            return new PostedTransactions.Stored(unit, id, type, fingerprint, lineId);
        }
    }

    record Refusal(Rejection rejection) implements Decided, Admission {
    }

    /** What validating a request gives: its command, or its refusal. */
    sealed interface Admission permits Admitted, Refusal {
    }

    /** A request validated into its command, with its canonical form and that form's fingerprint. */
    record Admitted(PostingCommand command, String canonicalRequest, String fingerprint) implements Admission {
    }

    private final CommandGateway commandGateway;
    private final PostedTransactions postedTransactions;
    private final Units units;
    private final Catalog catalog;
    private final MeterRegistry meters;
    private final DamagedEvents damagedEvents;

    TransactionDecisions(CommandGateway commandGateway, PostedTransactions postedTransactions, Units units,
                         Catalog catalog, MeterRegistry meters, DamagedEvents damagedEvents) {
        this.commandGateway = commandGateway;
        this.postedTransactions = postedTransactions;
        this.units = units;
        this.catalog = catalog;
        this.meters = meters;
        this.damagedEvents = damagedEvents;
    }

    /**
     * Decides the transaction, counted and timed by its type and outcome.
     *
     * @param earlier the earlier acceptances of the group's transactions, which the group read at once and
     *                keeps up to date with what it accepts
     */
    Decided decide(TransactionRequest request, Caller caller, Map<PostedTransactions.Key, PostedTransactions.Stored> earlier) {
        long startedNanos = System.nanoTime();
        try {
            return decideUncounted(request, caller, earlier);
        } finally {
            meters.timer("budgetledger.posting.duration", "type", typeTag(request)).record(System.nanoTime() - startedNanos,
                    TimeUnit.NANOSECONDS);
        }
    }

    /** The request's type as a metric's tag: what was sent, or {@code invalid} when it cannot be a type. */
    static String typeTag(TransactionRequest request) {
        return request.type() != null && request.type().length() <= 32 ? request.type() : "invalid";
    }

    private Decided decideUncounted(TransactionRequest request, Caller caller,
                                    Map<PostedTransactions.Key, PostedTransactions.Stored> earlier) {
        Admission admission = admit(request, caller);
        if (admission instanceof Refusal invalid) {
            return invalid;
        }
        Admitted admitted = (Admitted) admission;
        PostingCommand command = admitted.command();
        Posting posting = command.posting();
        Optional<Rejection> refused = authorize(command, caller);
        if (refused.isPresent()) {
            return new Refusal(refused.get());
        }
        // the same id in another unit is another transaction (SPEC §4 v2), which this one never learns of
        PostedTransactions.Stored before = earlier.get(new PostedTransactions.Key(posting.unit(), posting.transactionId()));
        if (before != null) {
            return repeat(before, admitted.fingerprint());
        }
        refused = checkReferences(command);
        if (refused.isPresent()) {
            return new Refusal(refused.get());
        }
        Decision decision = budgetYear(command);
        if (decision instanceof Decision.Rejected rejected) {
            // a concurrent twin of this very transaction may be what used up the balance: then it is a repeat
            Optional<PostedTransactions.Stored> twin = postedTransactions.find(posting.unit(), posting.transactionId());
            if (twin.isPresent()) {
                return repeat(twin.get(), admitted.fingerprint());
            }
            log.info("event=transaction_rejected id={} type={} unit={} year={} code={}", posting.transactionId(),
                    request.type(), posting.unit(), posting.year(), rejected.rejection().code());
            return new Refusal(rejected.rejection());
        }
        String lineId = command.createdLineId();
        return new Acceptance(posting.transactionId(), request.type(), lineId, posting.unit(), posting.year(),
                admitted.fingerprint(), new PostingRecord(posting.transactionId(), request.type(), posting.unit(),
                posting.year(), admitted.fingerprint(), admitted.canonicalRequest(), lineId, caller.name()));
    }

    /**
     * The request validated into its command, with its canonical form and fingerprint; or why it is invalid.
     * The only place that reads the request beyond its id, type and unit.
     */
    private static Admission admit(TransactionRequest request, Caller caller) {
        RequestCheck check = request.command(caller.name());
        if (check instanceof RequestCheck.Failed failed) {
            return new Refusal(failed.rejection());
        }
        RequestCheck.Passed passed = (RequestCheck.Passed) check;
        String canonicalRequest = passed.request().canonical();
        return new Admitted(passed.command(), canonicalRequest, CanonicalRequests.sha256(canonicalRequest));
    }

    /** The caller may post for the unit; a carry-over needs an administrator. */
    private static Optional<Rejection> authorize(PostingCommand command, Caller caller) {
        return caller.writeRefusal(command.posting().unit())
                .or(() -> command instanceof CarryOver ? caller.roleRefusal(Role.ADMIN, "CARRY_OVER") : Optional.empty());
    }

    /** The units and the catalog codes a transaction names must exist (400 with their own codes). */
    private Optional<Rejection> checkReferences(PostingCommand command) {
        if (!units.exists(command.posting().unit())) {
            return Optional.of(Rejection.of(ProblemCode.UNKNOWN_UNIT, "unit " + command.posting().unit() + " is not registered"));
        }
        Optional<String> counterparty = command.counterpartyUnit().filter(code -> !units.exists(code));
        if (counterparty.isPresent()) {
            return Optional.of(new Rejection(ProblemCode.UNKNOWN_UNIT, "counterparty " + counterparty.get()
                    + " is not registered", List.of(new FieldError("counterparty", "not a registered unit"))));
        }
        Optional<String> subject = command.subjectCode().filter(code -> !catalog.hasSubject(code));
        if (subject.isPresent()) {
            return Optional.of(new Rejection(ProblemCode.UNKNOWN_SUBJECT, "subject " + subject.get()
                    + " is not a 项 of the catalog", List.of(new FieldError("subject", "not in the catalog"))));
        }
        Optional<String> economic = command.economicCode().filter(code -> !catalog.hasEconomic(code));
        if (economic.isPresent()) {
            return Optional.of(new Rejection(ProblemCode.UNKNOWN_ECONOMIC, "economic code " + economic.get()
                    + " is not in the catalog", List.of(new FieldError("economic", "not in the catalog"))));
        }
        return Optional.empty();
    }

    /**
     * The budget year's decision, in a unit of work nested in the group's. {@code EVENT_DAMAGED} when a budget
     * year it needs cannot be loaded from its events.
     */
    private Decision budgetYear(PostingCommand command) {
        try {
            // the name of every posting command: one handler of the budget year decides them all
            return commandGateway.sendAndWait(new GenericCommandMessage<>(new GenericMessage<>(command),
                    PostingCommand.COMMAND_NAME));
        } catch (RuntimeException failed) {
            Posting posting = command.posting();
            // a carry-over loads the next year as well
            List<Integer> years = command instanceof CarryOver ? List.of(posting.year(), posting.year() + 1)
                    : List.of(posting.year());
            Optional<ApiProblem> damaged = damagedEvents.problem(failed, posting.unit(), years);
            if (damaged.isPresent()) {
                return Decision.rejected(damaged.get().rejection());
            }
            throw failed;
        }
    }

    /** The same id accepted before in the same unit: a repeat if the bodies are the same, a conflict if not. */
    static Decided repeat(PostedTransactions.Stored stored, String fingerprint) {
        if (!stored.fingerprint().equals(fingerprint)) {
            return new Refusal(Rejection.of(ProblemCode.IDEMPOTENCY_CONFLICT, "transaction " + stored.id()
                    + " of unit " + stored.unit() + " was posted before with a different body"));
        }
        return new Acceptance(stored.id(), stored.type(), stored.lineId(), stored.unit(), 0, fingerprint, null);
    }
}
