package org.budgetledger.projection.readmodel;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.events.BudgetAppropriated;
import org.budgetledger.contracts.events.EventEnvelope;
import org.budgetledger.contracts.events.LedgerEvent;
import org.budgetledger.contracts.events.PaymentMade;

import java.util.List;

/** The facts an event contributes to the reports: the one place that reads event semantics on this side. */
public final class FactsOfEvent {

    private FactsOfEvent() {
    }

    public static List<Fact> of(EventEnvelope envelope, LedgerEvent event) {
        if (event instanceof BudgetAppropriated appropriated) {
            // fiscal appropriations are this year's income; a non-fiscal line budgets money received
            return appropriated.fund().isFiscal()
                    ? List.of(fact(envelope, event, Measure.INCOME, appropriated.fund(), appropriated.subject(),
                    appropriated.kind(), null, appropriated.project(), appropriated.lineId(), appropriated.amount().fen()))
                    : List.of();
        }
        if (event instanceof PaymentMade payment) {
            return List.of(fact(envelope, event, Measure.EXPENDITURE, payment.fund(), payment.subject(), payment.kind(),
                    payment.economic(), payment.project(), payment.lineId(), payment.amount().fen()));
        }
        throw new IllegalArgumentException("no facts defined for " + event.eventName());
    }

    private static Fact fact(EventEnvelope envelope, LedgerEvent event, Measure measure, Fund fund, String subject,
                             Kind kind, String economic, String project, String lineId, long amountFen) {
        return new Fact(envelope.sequence(), 0, event.unit(), event.year(), event.effectiveDate(),
                envelope.recordedAt(), measure, fund, subject, kind, economic, project, lineId, amountFen);
    }
}
