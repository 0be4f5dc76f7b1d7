package org.budgetledger.ledger.budgetyear;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.contracts.codes.ThreePublicCategory;
import org.budgetledger.contracts.events.BalancesCarriedIn;
import org.budgetledger.contracts.events.BudgetAdjusted;
import org.budgetledger.contracts.events.BudgetAppropriated;
import org.budgetledger.contracts.events.BudgetTransferred;
import org.budgetledger.contracts.events.CarriedBalance;
import org.budgetledger.contracts.events.CarriedLine;
import org.budgetledger.contracts.events.CommitmentCarriedOver;
import org.budgetledger.contracts.events.CommitmentMade;
import org.budgetledger.contracts.events.CommitmentReleased;
import org.budgetledger.contracts.events.IncomeReceived;
import org.budgetledger.contracts.events.OpeningBalanceRecorded;
import org.budgetledger.contracts.events.PaymentMade;
import org.budgetledger.contracts.events.PaymentRefunded;
import org.budgetledger.contracts.events.ReserveUsed;
import org.budgetledger.contracts.events.SurplusDistributed;
import org.budgetledger.contracts.events.ThreePublicLimitSet;
import org.budgetledger.contracts.events.YearClosed;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.contracts.api.Rejection;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a budget year knows ({@link BudgetYear}): its budget lines, commitments, payments, fund balances, 三公 limits
 * and spending, its turnover and whether it is closed, as its event sourcing handlers build it from its events;
 * and the checks several transaction types share, each answering a rejection or nothing.
 *
 * <p>Snapshots ({@code storage.BudgetYearConfiguration}) are these fields as JSON, all but the payments: those are
 * looked up in the event store when a refund names one this object does not hold ({@link StoredPayments}).
 * Raise the budget year's {@code @Revision} whenever a field or an event sourcing handler changes meaning:
 * snapshots of another revision are then ignored, and budget years are read from their events again.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
abstract class BudgetYearState {

    @AggregateIdentifier
    private String id;
    private boolean closed;
    /** Whether an OPENING_BALANCE was recorded (then no carry-over may come in), or a carry-over came in. */
    private boolean openingRecorded;
    private boolean carriedIn;
    private final Map<String, BudgetLine> lines = new HashMap<>();
    /**
     * Every commitment of the year (SPEC §14), those fully paid or released too (a payment naming one is refused
     * as exceeding it, not as unknown). In snapshots: a unit-year has contracts by the hundred or thousand, each a
     * few hundred bytes, not payments by the million.
     */
    private final Map<String, Commitment> commitments = new HashMap<>();
    /**
     * The payments made since this object was loaded, or all of them if it was read from its events; older
     * ones are in the store. Not in snapshots: a million payments would not load in time (storage.BudgetYearConfiguration).
     */
    @JsonIgnore
    private final Map<String, Payment> payments = new HashMap<>();
    /** What was refunded of each payment that had refunds, in fen. */
    private final Map<String, Long> refundedFen = new HashMap<>();
    private final FundBalances balances = new FundBalances();
    private final ThreePublicBudget threePublic = new ThreePublicBudget();
    private final Turnover turnover = new Turnover();

    /** A budget year created for a command has its identity even if the command is rejected and no event
     * ever gives it one (Axon keeps the empty aggregate, under this id, in its cache). */
    void identify(String budgetYearId) {
        if (id == null) {
            id = budgetYearId;
        }
    }

    boolean openingRecorded() {
        return openingRecorded;
    }

    Turnover turnover() {
        return turnover;
    }

    // The checks several types share, and what the decisions read. Each check answers a rejection or nothing.

    /** The year is still open. */
    Optional<Rejection> checkOpen(Posting posting) {
        if (closed) {
            return Optional.of(Rejection.of(ProblemCode.YEAR_CLOSED, "year " + posting.year() + " of unit "
                    + posting.unit() + " is closed (年终结转 done); post corrections into the next year"));
        }
        return Optional.empty();
    }

    /**
     * The year is open and the amount fits in what the unit-year may still take ({@link Turnover}): checked, in
     * this order, before any other rule of a posting that has an amount.
     */
    Optional<Rejection> checkPostable(Posting posting, Money amount) {
        Optional<Rejection> closedYear = checkOpen(posting);
        return closedYear.isPresent() ? closedYear : turnover.check(amount, posting.unit(), posting.year());
    }

    /** The year has this budget line. */
    Optional<Rejection> checkLine(String lineId, Posting posting) {
        if (!lines.containsKey(lineId)) {
            return Optional.of(Rejection.of(ProblemCode.UNKNOWN_LINE,
                    "no budget line " + lineId + " in unit " + posting.unit() + ", year " + posting.year()));
        }
        return Optional.empty();
    }

    /** The year has this commitment (SPEC §14; another unit's or year's is unknown here, as a line is). */
    Optional<Rejection> checkCommitment(String commitmentId, Posting posting) {
        if (!commitments.containsKey(commitmentId)) {
            return Optional.of(Rejection.of(ProblemCode.UNKNOWN_COMMITMENT,
                    "no commitment " + commitmentId + " in unit " + posting.unit() + ", year " + posting.year()));
        }
        return Optional.empty();
    }

    /** Income, reserves and surpluses of fiscal money come by APPROPRIATE, not by {@code type}. */
    static Optional<Rejection> checkNonFiscal(Fund fund, String type) {
        if (fund.isFiscal()) {
            return Optional.of(Rejection.of(ProblemCode.INVALID_FUND,
                    type + " is for non-fiscal money; " + fund + " (" + fund.label() + ") comes by APPROPRIATE"));
        }
        return Optional.empty();
    }

    /**
     * The rejection of a counterparty (SPEC §13) on a transaction whose kind or fund takes none: a validation
     * failure naming the field, as the checks of a request's fields name theirs.
     */
    static Rejection counterpartyRefused(String message) {
        return new Rejection(ProblemCode.VALIDATION_FAILED, "counterparty: " + message,
                List.of(new FieldError("counterparty", message)));
    }

    /** The budget line, or null. */
    BudgetLine line(String lineId) {
        return lines.get(lineId);
    }

    Collection<BudgetLine> lines() {
        return lines.values();
    }

    /** The commitment, or null. */
    Commitment commitment(String commitmentId) {
        return commitments.get(commitmentId);
    }

    Collection<Commitment> commitments() {
        return commitments.values();
    }

    /** The payment if this object holds it (see {@link StoredPayments} for the others), or null. */
    Payment payment(String paymentId) {
        return payments.get(paymentId);
    }

    long refundedFen(String paymentId) {
        return refundedFen.getOrDefault(paymentId, 0L);
    }

    FundBalances balances() {
        return balances;
    }

    ThreePublicBudget threePublic() {
        return threePublic;
    }

    boolean carriedIn() {
        return carriedIn;
    }

    @EventSourcingHandler
    void on(BudgetAppropriated event) {
        id = BudgetYearId.of(event.unit(), event.year());
        lines.put(event.lineId(), BudgetLine.created(event.lineId(), event.fund(), event.subject(), event.kind(),
                event.project(), event.economic(), LineOrigin.APPROPRIATION, event.effectiveDate(), event.amount()));
        turnover.add(event.amount());
        if (event.fund().isFiscal()) {
            balances.add(event.fund(), event.subject(), event.amount());
        }
    }

    @EventSourcingHandler
    void on(BudgetAdjusted event) {
        id = BudgetYearId.of(event.unit(), event.year());
        lines.put(event.lineId(), lines.get(event.lineId()).withAdjustment(event.amount()));
        turnover.add(event.amount());
        if (event.fund().isFiscal()) {
            balances.add(event.fund(), event.subject(), event.amount());
        }
    }

    @EventSourcingHandler
    void on(BudgetTransferred event) {
        id = BudgetYearId.of(event.unit(), event.year());
        lines.put(event.fromLineId(), lines.get(event.fromLineId()).withAdjustment(event.amount().negate()));
        lines.put(event.toLineId(), lines.get(event.toLineId()).withAdjustment(event.amount()));
        turnover.add(event.amount());
        if (event.fund().isFiscal()) {
            balances.add(event.fund(), event.fromSubject(), event.amount().negate());
            balances.add(event.fund(), event.toSubject(), event.amount());
        }
    }

    @EventSourcingHandler
    void on(PaymentMade event) {
        id = BudgetYearId.of(event.unit(), event.year());
        BudgetLine line = lines.get(event.lineId());
        if (event.commitment() == null) {
            lines.put(line.id(), line.withPayment(event.amount()));
        } else {
            // paid from what the commitment reserved: committed becomes paid, available stays as it was
            lines.put(line.id(), line.withPayment(event.amount()).withCommitment(event.amount().negate()));
            commitments.computeIfPresent(event.commitment(), (key, commitment) -> commitment.withPayment(event.amount()));
        }
        turnover.add(event.amount());
        payments.put(event.transactionId(), Payment.of(event, line.id()));
        balances.add(event.fund(), event.subject(), event.amount().negate());
        if (event.fund().isFiscal()) {
            ThreePublicCategory.ofEconomic(event.economic()).ifPresent(category -> threePublic.spend(category, event.amount()));
        }
    }

    @EventSourcingHandler
    void on(PaymentRefunded event) {
        id = BudgetYearId.of(event.unit(), event.year());
        lines.put(event.lineId(), lines.get(event.lineId()).withPayment(event.amount().negate()));
        turnover.add(event.amount());
        refundedFen.merge(event.paymentId(), event.amount().fen(), Math::addExact);
        balances.add(event.fund(), event.subject(), event.amount());
        if (event.fund().isFiscal()) {
            ThreePublicCategory.ofEconomic(event.economic())
                    .ifPresent(category -> threePublic.spend(category, event.amount().negate()));
        }
    }

    @EventSourcingHandler
    void on(CommitmentMade event) {
        id = BudgetYearId.of(event.unit(), event.year());
        lines.put(event.lineId(), lines.get(event.lineId()).withCommitment(event.amount()));
        commitments.put(event.transactionId(), Commitment.made(event.transactionId(), event.lineId(),
                event.effectiveDate(), event.amount(), event.contract(), event.payee(), event.schedule()));
        turnover.add(event.amount());
    }

    @EventSourcingHandler
    void on(CommitmentReleased event) {
        id = BudgetYearId.of(event.unit(), event.year());
        lines.put(event.lineId(), lines.get(event.lineId()).withCommitment(event.amount().negate()));
        commitments.computeIfPresent(event.commitment(), (key, commitment) -> commitment.withRelease(event.amount()));
        turnover.add(event.amount());
    }

    /** The open rest of a commitment of the year before, on the line it was carried into (after BalancesCarriedIn). */
    @EventSourcingHandler
    void on(CommitmentCarriedOver event) {
        id = BudgetYearId.of(event.unit(), event.year());
        lines.put(event.lineId(), lines.get(event.lineId()).withCommitment(event.amount()));
        commitments.put(event.commitment(), Commitment.made(event.commitment(), event.lineId(), event.effectiveDate(),
                event.amount(), event.contract(), event.payee(), event.schedule()));
        turnover.add(event.amount());
    }

    @EventSourcingHandler
    void on(IncomeReceived event) {
        id = BudgetYearId.of(event.unit(), event.year());
        turnover.add(event.amount());
        balances.add(event.fund(), event.subject(), event.amount());
    }

    @EventSourcingHandler
    void on(OpeningBalanceRecorded event) {
        id = BudgetYearId.of(event.unit(), event.year());
        openingRecorded = true;
        turnover.add(event.amount());
        balances.add(event.fund(), event.subject(), event.amount());
        if (event.lineId() != null) {
            lines.put(event.lineId(), BudgetLine.created(event.lineId(), event.fund(), event.subject(), event.kind(),
                    event.project(), event.economic(), LineOrigin.OPENING, event.effectiveDate(), event.amount()));
        }
    }

    @EventSourcingHandler
    void on(ReserveUsed event) {
        id = BudgetYearId.of(event.unit(), event.year());
        turnover.add(event.amount());
        balances.add(event.fund(), event.subject(), event.amount());
    }

    @EventSourcingHandler
    void on(SurplusDistributed event) {
        id = BudgetYearId.of(event.unit(), event.year());
        turnover.add(event.amount());
        balances.add(event.fund(), event.subject(), event.amount().negate());
    }

    @EventSourcingHandler
    void on(ThreePublicLimitSet event) {
        id = BudgetYearId.of(event.unit(), event.year());
        threePublic.setLimit(event.category(), event.effectiveDate(), event.amount());
    }

    @EventSourcingHandler
    void on(YearClosed event) {
        id = BudgetYearId.of(event.unit(), event.year());
        closed = true;
    }

    @EventSourcingHandler
    void on(BalancesCarriedIn event) {
        id = BudgetYearId.of(event.unit(), event.year());
        carriedIn = true;
        for (CarriedLine line : event.lines()) {
            lines.put(line.lineId(), BudgetLine.created(line.lineId(), line.fund(), line.subject(), line.kind(),
                    line.project(), line.economic(), LineOrigin.CARRY_OVER, event.effectiveDate(), line.amount()));
            balances.add(line.fund(), line.subject(), line.amount());
            turnover.add(line.amount());
        }
        for (CarriedBalance balance : event.balances()) {
            balances.add(balance.fund(), balance.subject(), balance.amount());
            turnover.add(balance.amount());
        }
    }
}
