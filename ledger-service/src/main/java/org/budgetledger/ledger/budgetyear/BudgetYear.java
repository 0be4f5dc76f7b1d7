package org.budgetledger.ledger.budgetyear;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.Repository;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
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
import org.budgetledger.contracts.events.IncomeReceived;
import org.budgetledger.contracts.events.OpeningBalanceRecorded;
import org.budgetledger.contracts.events.PaymentMade;
import org.budgetledger.contracts.events.PaymentRefunded;
import org.budgetledger.contracts.events.ReserveUsed;
import org.budgetledger.contracts.events.SurplusDistributed;
import org.budgetledger.contracts.events.ThreePublicLimitSet;
import org.budgetledger.contracts.events.YearClosed;
import org.budgetledger.contracts.money.Money;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The budget of one unit in one year (预算年度): its budget lines, payments, fund balances, 三公 limits and
 * whether it is closed. It is the consistency boundary of every rule of SPEC §4, so all transactions of a
 * unit-year are decided one after the other against the same state, and a payment can never race the
 * year's closing; unit-years are independent. Command handlers decide and throw {@link TransactionRejected}
 * before applying anything; event sourcing handlers only apply.
 *
 * <p>Snapshots ({@link BudgetYearConfiguration}) are its fields as JSON, all but the payments: those are
 * looked up in the event store when a refund names one this object does not hold ({@link StoredPayments}).
 * Raise the {@code @Revision} whenever a field or an event sourcing handler changes meaning: snapshots of
 * another revision are then ignored, and budget years are read from their events again.
 */
@Aggregate(cache = "budgetYearCache", snapshotTriggerDefinition = "budgetYearSnapshotTrigger")
@Revision("2")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public class BudgetYear {

    /** A carried-in line is named after the line it continues: {@code line>year}. No transaction id holds it. */
    public static final char CARRIED_LINE_MARK = '>';

    static final int LAST_YEAR = 2100;

    @AggregateIdentifier
    private String id;
    private boolean closed;
    /** Whether an OPENING_BALANCE was recorded (then no carry-over may come in), or a carry-over came in. */
    private boolean openingRecorded;
    private boolean carriedIn;
    private final Map<String, BudgetLine> lines = new HashMap<>();
    /**
     * The payments made since this object was loaded, or all of them if it was read from its events; older
     * ones are in the store. Not in snapshots: a million payments would not load in time (BudgetYearConfiguration).
     */
    @JsonIgnore
    private final Map<String, Payment> payments = new HashMap<>();
    /** What was refunded of each payment that had refunds, in fen. */
    private final Map<String, Long> refundedFen = new HashMap<>();
    private final FundBalances balances = new FundBalances();
    private final ThreePublicBudget threePublic = new ThreePublicBudget();
    private final Turnover turnover = new Turnover();

    protected BudgetYear() {
        // for Axon: created empty, then sourced from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(Appropriate command) {
        Posting posting = open(command);
        withinLimit(command.amount(), posting);
        apply(new BudgetAppropriated(posting.transactionId(), posting.unit(), posting.year(), posting.date(),
                posting.principal(), posting.memo(), posting.voucher(), command.createdLineId(),
                command.fund(), command.subject(), command.kind(), command.project(), command.economic(),
                command.amount()));
        return command.createdLineId();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(Adjust command) {
        Posting posting = open(command);
        withinLimit(command.amount(), posting);
        BudgetLine line = line(command.lineId(), posting);
        line.checkAdjustable();
        line.checkBudgetChange(command.amount());
        apply(new BudgetAdjusted(posting.transactionId(), posting.unit(), posting.year(), posting.date(),
                posting.principal(), posting.memo(), posting.voucher(), line.id(), line.fund(), line.subject(),
                line.kind(), line.project(), command.amount(), command.reason()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(Transfer command) {
        Posting posting = open(command);
        withinLimit(command.amount(), posting);
        BudgetLine from = line(command.fromLineId(), posting);
        BudgetLine to = line(command.toLineId(), posting);
        from.checkAdjustable();
        to.checkAdjustable();
        if (from.fund() != to.fund()) {
            throw new TransactionRejected(ProblemCode.INVALID_FUND, "budget line " + from.id() + " is " + from.fund()
                    + " money and " + to.id() + " is " + to.fund() + "; 调剂 moves money within one fund");
        }
        from.checkBudgetChange(command.amount().negate());
        apply(new BudgetTransferred(posting.transactionId(), posting.unit(), posting.year(), posting.date(),
                posting.principal(), posting.memo(), posting.voucher(), from.fund(), from.id(), from.subject(),
                from.kind(), from.project(), to.id(), to.subject(), to.kind(), to.project(), command.amount(),
                command.reason()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(Pay command) {
        Posting posting = open(command);
        withinLimit(command.amount(), posting);
        BudgetLine line = line(command.lineId(), posting);
        line.checkPayment(command.economic(), command.amount(), posting.date());
        if (line.fund().isFiscal()) {
            ThreePublicCategory.ofEconomic(command.economic())
                    .ifPresent(category -> threePublic.checkSpending(category, command.amount()));
        }
        apply(new PaymentMade(posting.transactionId(), posting.unit(), posting.year(), posting.date(),
                posting.principal(), posting.memo(), posting.voucher(), line.id(), line.origin(), line.fund(),
                line.subject(), line.kind(), line.project(), command.economic(), command.amount(), command.payee(),
                command.method()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(Refund command, StoredPayments storedPayments) {
        Posting posting = open(command);
        withinLimit(command.amount(), posting);
        Payment payment = Optional.ofNullable(payments.get(command.paymentId()))
                .or(() -> storedPayments.find(posting.budgetYearId(), command.paymentId()))
                .orElseThrow(() -> new TransactionRejected(ProblemCode.UNKNOWN_PAYMENT, "no payment "
                        + command.paymentId() + " in unit " + posting.unit() + ", year " + posting.year()));
        payment.checkRefund(command.amount(), posting.date(), refundedFen.getOrDefault(payment.id(), 0L));
        BudgetLine line = lines.get(payment.lineId());
        apply(new PaymentRefunded(posting.transactionId(), posting.unit(), posting.year(), posting.date(),
                posting.principal(), posting.memo(), posting.voucher(), payment.id(), line.id(), line.origin(),
                line.fund(), line.subject(), line.kind(), line.project(), payment.economic(), command.amount()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(Receive command) {
        Posting posting = open(command);
        withinLimit(command.amount(), posting);
        requireNonFiscal(command.fund(), "RECEIVE");
        apply(new IncomeReceived(posting.transactionId(), posting.unit(), posting.year(), posting.date(),
                posting.principal(), posting.memo(), posting.voucher(), command.fund(), command.subject(),
                command.amount()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(RecordOpeningBalance command) {
        Posting posting = open(command);
        withinLimit(command.amount(), posting);
        if (carriedIn) {
            throw new TransactionRejected(ProblemCode.OPENING_CONFLICT, "year " + posting.year() + " of unit "
                    + posting.unit() + " already received the previous year's carry-over");
        }
        String lineId = command.createdLineId();
        apply(new OpeningBalanceRecorded(posting.transactionId(), posting.unit(), posting.year(), posting.date(),
                posting.principal(), posting.memo(), posting.voucher(), command.fund(), command.subject(),
                command.kind(), command.project(), command.economic(), command.amount(), lineId));
        return lineId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(UseReserve command) {
        Posting posting = open(command);
        withinLimit(command.amount(), posting);
        requireNonFiscal(command.fund(), "USE_RESERVE");
        apply(new ReserveUsed(posting.transactionId(), posting.unit(), posting.year(), posting.date(),
                posting.principal(), posting.memo(), posting.voucher(), command.fund(), command.subject(),
                command.amount()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DistributeSurplus command) {
        Posting posting = open(command);
        withinLimit(command.amount(), posting);
        requireNonFiscal(command.fund(), "DISTRIBUTE_SURPLUS");
        Money balance = balances.balance(command.fund(), command.subject());
        if (balance.isLessThan(command.amount())) {
            throw new TransactionRejected(ProblemCode.INSUFFICIENT_BALANCE, command.fund() + " at subject "
                    + command.subject() + " has a balance of " + balance + " 元; " + command.amount()
                    + " 元 cannot be distributed");
        }
        apply(new SurplusDistributed(posting.transactionId(), posting.unit(), posting.year(), posting.date(),
                posting.principal(), posting.memo(), posting.voucher(), command.fund(), command.subject(),
                command.amount()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetLimit command) {
        Posting posting = open(command);
        Turnover.checkLimit(command.amount());
        threePublic.checkLimit(command.category(), command.amount());
        apply(new ThreePublicLimitSet(posting.transactionId(), posting.unit(), posting.year(), posting.date(),
                posting.principal(), posting.memo(), posting.voucher(), command.category(), command.amount()));
    }

    /**
     * Closes this year and opens its balances in the next, in the same unit of work (one database
     * transaction): either both happen or neither. Budget years are always locked in increasing year order,
     * so two carry-overs cannot deadlock.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CarryOver command, Repository<BudgetYear> budgetYears) throws Exception {
        Posting posting = open(command);
        int nextYear = posting.year() + 1;
        if (nextYear > LAST_YEAR) {
            throw new TransactionRejected(ProblemCode.VALIDATION_FAILED, "there is no budget year " + nextYear);
        }
        LocalDate closingDate = LocalDate.of(posting.year(), 12, 31);
        LocalDate openingDate = LocalDate.of(nextYear, 1, 1);
        List<CarriedLine> carriedLines = lines.values().stream()
                .filter(line -> line.fund().isFiscal() && !line.available().isZero())
                .sorted(java.util.Comparator.comparing(BudgetLine::id))
                .map(line -> new CarriedLine(line.id() + CARRIED_LINE_MARK + nextYear, line.id(), line.fund(), line.subject(),
                        line.kind(), line.project(), line.economicRestriction(), line.available()))
                .toList();
        List<CarriedBalance> carriedBalances = balances.nonFiscalBalances();
        String nextId = BudgetYearId.of(posting.unit(), nextYear);
        BalancesCarriedIn carriedIn = new BalancesCarriedIn(posting.transactionId(), posting.unit(), nextYear,
                openingDate, posting.principal(), posting.memo(), posting.voucher(), posting.year(), carriedLines,
                carriedBalances);
        budgetYears.loadOrCreate(nextId, BudgetYear::new).execute(next -> next.receiveCarryOver(carriedIn));
        apply(new YearClosed(posting.transactionId(), posting.unit(), posting.year(), closingDate,
                posting.principal(), posting.memo(), posting.voucher()));
    }

    private void receiveCarryOver(BalancesCarriedIn carriedIn) {
        if (openingRecorded) {
            throw new TransactionRejected(ProblemCode.OPENING_CONFLICT, "year " + carriedIn.year() + " of unit "
                    + carriedIn.unit() + " has opening balances recorded already; it cannot also receive a carry-over");
        }
        Turnover brought = new Turnover();
        carriedIn.lines().forEach(line -> brought.add(line.amount()));
        carriedIn.balances().forEach(balance -> brought.add(balance.amount()));
        turnover.check(brought.amount(), carriedIn.unit(), carriedIn.year());
        apply(carriedIn);
    }

    /** The common rules of every posting: the year is still open. */
    private Posting open(PostingCommand command) {
        Posting posting = command.posting();
        if (id == null) {
            // a budget year created for this command: it has its identity even if the command is rejected
            // and no event ever gives it one (Axon keeps the empty aggregate, under this id, in its cache)
            id = posting.budgetYearId();
        }
        if (closed) {
            throw new TransactionRejected(ProblemCode.YEAR_CLOSED, "year " + posting.year() + " of unit "
                    + posting.unit() + " is closed (年终结转 done); post corrections into the next year");
        }
        return posting;
    }

    /** The amount fits in what the unit-year may still take ({@link Turnover}); checked before any other rule. */
    private void withinLimit(Money amount, Posting posting) {
        turnover.check(amount, posting.unit(), posting.year());
    }

    private BudgetLine line(String lineId, Posting posting) {
        BudgetLine line = lines.get(lineId);
        if (line == null) {
            throw new TransactionRejected(ProblemCode.UNKNOWN_LINE,
                    "no budget line " + lineId + " in unit " + posting.unit() + ", year " + posting.year());
        }
        return line;
    }

    private static void requireNonFiscal(Fund fund, String type) {
        if (fund.isFiscal()) {
            throw new TransactionRejected(ProblemCode.INVALID_FUND,
                    type + " is for non-fiscal money; " + fund + " (" + fund.label() + ") comes by APPROPRIATE");
        }
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
        lines.put(line.id(), line.withPayment(event.amount()));
        turnover.add(event.amount());
        payments.put(event.transactionId(), Payment.of(event.transactionId(), line.id(), event.economic(),
                event.effectiveDate(), event.amount()));
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
