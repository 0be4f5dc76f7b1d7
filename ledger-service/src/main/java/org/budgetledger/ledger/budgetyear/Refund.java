package org.budgetledger.ledger.budgetyear;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.events.PaymentRefunded;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.ledger.decision.Decision;
import org.budgetledger.contracts.api.Rejection;

import java.util.Optional;

/** REFUND 支付退回 of (part of) a payment. */
public record Refund(@TargetAggregateIdentifier String budgetYearId, Posting posting, String paymentId, Money amount) implements PostingCommand {

    /** Of a payment of this year, on or after it, up to what is left of it. */
    @Override
    public Decision decide(BudgetYear year, Lookups lookups) {
        Optional<Rejection> closedOrBeyond = year.checkPostable(posting, amount);
        if (closedOrBeyond.isPresent()) {
            return Decision.rejected(closedOrBeyond.get());
        }
        Optional<Payment> found = Optional.ofNullable(year.payment(paymentId))
                .or(() -> lookups.storedPayments().find(posting.budgetYearId(), paymentId)
                        .map(paid -> Payment.of(paid, paid.lineId())));
        if (found.isEmpty()) {
            return Decision.rejected(Rejection.of(ProblemCode.UNKNOWN_PAYMENT, "no payment " + paymentId + " in unit "
                    + posting.unit() + ", year " + posting.year()));
        }
        Payment payment = found.get();
        BudgetLine line = year.line(payment.lineId());
        return Decision.unless(payment.checkRefund(amount, posting.date(), year.refundedFen(payment.id())),
                () -> Decision.accepted(null, new PaymentRefunded(posting.transactionId(), posting.unit(),
                        posting.year(), posting.date(), posting.principal(), posting.memo(), posting.voucher(),
                        payment.id(), line.id(), line.origin(), line.fund(), line.subject(), line.kind(),
                        line.project(), payment.economic(), amount, payment.counterparty())));
    }
}
