package org.budgetledger.projection.readmodel;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.events.BalancesCarriedIn;
import org.budgetledger.contracts.events.BudgetAdjusted;
import org.budgetledger.contracts.events.BudgetAppropriated;
import org.budgetledger.contracts.events.BudgetTransferred;
import org.budgetledger.contracts.events.CarriedBalance;
import org.budgetledger.contracts.events.CarriedLine;
import org.budgetledger.contracts.events.EventEnvelope;
import org.budgetledger.contracts.events.IncomeReceived;
import org.budgetledger.contracts.events.LedgerEvent;
import org.budgetledger.contracts.events.OpeningBalanceRecorded;
import org.budgetledger.contracts.events.PaymentMade;
import org.budgetledger.contracts.events.PaymentRefunded;
import org.budgetledger.contracts.events.ReserveUsed;
import org.budgetledger.contracts.events.SurplusDistributed;
import org.budgetledger.contracts.events.ThreePublicLimitSet;
import org.budgetledger.contracts.events.YearClosed;

import java.util.ArrayList;
import java.util.List;

/**
 * The facts an event contributes to the reports (SPEC §6, cell definitions): the one place on the read side
 * that knows what each event means for the tables.
 */
public final class FactsOfEvent {

    private final EventEnvelope envelope;
    private final LedgerEvent event;
    private final List<Fact> facts = new ArrayList<>();

    private FactsOfEvent(EventEnvelope envelope, LedgerEvent event) {
        this.envelope = envelope;
        this.event = event;
    }

    public static List<Fact> of(EventEnvelope envelope, LedgerEvent event) {
        FactsOfEvent of = new FactsOfEvent(envelope, event);
        of.collect();
        return of.facts;
    }

    private void collect() {
        if (event instanceof BudgetAppropriated appropriated) {
            // fiscal appropriations are this year's income; a non-fiscal line budgets money received
            if (appropriated.fund().isFiscal()) {
                add(Measure.INCOME, appropriated.fund(), appropriated.subject(), appropriated.kind(), null,
                        appropriated.project(), appropriated.lineId(), appropriated.amount().fen());
            }
        } else if (event instanceof BudgetAdjusted adjusted) {
            if (adjusted.fund().isFiscal()) {
                add(Measure.INCOME, adjusted.fund(), adjusted.subject(), adjusted.kind(), null, adjusted.project(),
                        adjusted.lineId(), adjusted.amount().fen());
            }
        } else if (event instanceof BudgetTransferred transferred) {
            if (transferred.fund().isFiscal()) {
                add(Measure.INCOME, transferred.fund(), transferred.fromSubject(), transferred.fromKind(), null,
                        transferred.fromProject(), transferred.fromLineId(), -transferred.amount().fen());
                add(Measure.INCOME, transferred.fund(), transferred.toSubject(), transferred.toKind(), null,
                        transferred.toProject(), transferred.toLineId(), transferred.amount().fen());
            }
        } else if (event instanceof PaymentMade payment) {
            add(Measure.EXPENDITURE, payment.fund(), payment.subject(), payment.kind(), payment.economic(),
                    payment.project(), payment.lineId(), payment.amount().fen());
        } else if (event instanceof PaymentRefunded refund) {
            add(Measure.EXPENDITURE, refund.fund(), refund.subject(), refund.kind(), refund.economic(),
                    refund.project(), refund.lineId(), -refund.amount().fen());
        } else if (event instanceof IncomeReceived received) {
            add(Measure.INCOME, received.fund(), received.subject(), null, null, null, null, received.amount().fen());
        } else if (event instanceof OpeningBalanceRecorded opening) {
            add(Measure.OPENING, opening.fund(), opening.subject(), opening.kind(), null, opening.project(),
                    opening.lineId(), opening.amount().fen());
        } else if (event instanceof ReserveUsed reserve) {
            add(Measure.RESERVE, reserve.fund(), reserve.subject(), null, null, null, null, reserve.amount().fen());
        } else if (event instanceof SurplusDistributed distributed) {
            add(Measure.DISTRIBUTED, distributed.fund(), distributed.subject(), null, null, null, null,
                    distributed.amount().fen());
        } else if (event instanceof BalancesCarriedIn carried) {
            for (CarriedLine line : carried.lines()) {
                add(Measure.OPENING, line.fund(), line.subject(), line.kind(), null, line.project(), line.lineId(),
                        line.amount().fen());
            }
            for (CarriedBalance balance : carried.balances()) {
                add(Measure.OPENING, balance.fund(), balance.subject(), null, null, null, null, balance.amount().fen());
            }
        } else if (!(event instanceof ThreePublicLimitSet || event instanceof YearClosed)) {
            throw new IllegalArgumentException("no facts defined for " + event.eventName());
        }
        // 三公 limits feed T09 and closing feeds nothing: neither is an amount of the fact table
    }

    private void add(Measure measure, Fund fund, String subject, Kind kind, String economic, String project,
                     String lineId, long amountFen) {
        facts.add(new Fact(envelope.sequence(), facts.size(), event.unit(), event.year(), event.effectiveDate(),
                envelope.recordedAt(), measure, fund, subject, kind, economic, project, lineId, amountFen));
    }
}
