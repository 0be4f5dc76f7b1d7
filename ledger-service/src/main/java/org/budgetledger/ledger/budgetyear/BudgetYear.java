package org.budgetledger.ledger.budgetyear;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.contracts.events.BudgetAppropriated;
import org.budgetledger.contracts.events.PaymentMade;

import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The budget of one unit in one year (预算年度): its budget lines and everything that consumes them. It is
 * the consistency boundary of every rule that spans lines (三公 limits, transfers, the year's closing), so
 * all transactions of a unit-year are decided one after the other against the same state; unit-years
 * are independent of each other. Command handlers decide (and throw {@link TransactionRejected} before
 * applying anything); event sourcing handlers only apply.
 */
@Aggregate(cache = "budgetYearCache")
public class BudgetYear {

    @AggregateIdentifier
    private String id;
    private final Map<String, BudgetLine> lines = new HashMap<>();

    protected BudgetYear() {
        // for Axon: created empty, then sourced from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(Appropriate command) {
        Posting posting = command.posting();
        apply(new BudgetAppropriated(posting.transactionId(), posting.unit(), posting.year(), posting.date(),
                posting.principal(), posting.memo(), posting.voucher(), posting.transactionId(),
                command.fund(), command.subject(), command.kind(), command.project(), command.economic(),
                command.amount()));
        return posting.transactionId();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(Pay command) {
        Posting posting = command.posting();
        BudgetLine line = lines.get(command.lineId());
        if (line == null) {
            throw new TransactionRejected(ProblemCode.UNKNOWN_LINE,
                    "no budget line " + command.lineId() + " in unit " + posting.unit() + ", year " + posting.year());
        }
        line.checkPayment(command.economic(), command.amount(), posting.date());
        apply(new PaymentMade(posting.transactionId(), posting.unit(), posting.year(), posting.date(),
                posting.principal(), posting.memo(), posting.voucher(), line.id(), line.fund(), line.subject(),
                line.kind(), line.project(), command.economic(), command.amount(), command.payee(),
                command.method()));
    }

    @EventSourcingHandler
    void on(BudgetAppropriated event) {
        id = BudgetYearId.of(event.unit(), event.year());
        lines.put(event.lineId(), BudgetLine.created(event.lineId(), event.fund(), event.subject(), event.kind(),
                event.project(), event.economic(), LineOrigin.APPROPRIATION, event.effectiveDate(),
                event.amount()));
    }

    @EventSourcingHandler
    void on(PaymentMade event) {
        id = BudgetYearId.of(event.unit(), event.year());
        lines.put(event.lineId(), lines.get(event.lineId()).withPayment(event.amount()));
    }
}
