package org.budgetledger.ledger.budgetyear;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.budgetledger.contracts.codes.PaymentMethod;
import org.budgetledger.contracts.money.Money;

import java.util.Optional;

/** PAY 支付 from a budget line. */
public record Pay(
        @TargetAggregateIdentifier String budgetYearId,
        Posting posting,
        String lineId, String economic, Money amount, String payee, PaymentMethod method) implements PostingCommand {

    @Override
    public Optional<String> economicCode() {
        return Optional.ofNullable(economic);
    }
}
