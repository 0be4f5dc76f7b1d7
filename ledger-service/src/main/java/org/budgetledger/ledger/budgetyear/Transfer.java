package org.budgetledger.ledger.budgetyear;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.budgetledger.contracts.money.Money;

/** TRANSFER 指标调剂 between two lines of the same unit-year and fund. */
public record Transfer(@TargetAggregateIdentifier String budgetYearId, Posting posting, String fromLineId, String toLineId, Money amount,
                       String reason) implements PostingCommand {
}
