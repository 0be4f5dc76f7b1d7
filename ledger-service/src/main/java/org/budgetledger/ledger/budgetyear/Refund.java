package org.budgetledger.ledger.budgetyear;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.budgetledger.contracts.money.Money;

/** REFUND 支付退回 of (part of) a payment. */
public record Refund(@TargetAggregateIdentifier String budgetYearId, Posting posting, String paymentId, Money amount) implements PostingCommand {
}
