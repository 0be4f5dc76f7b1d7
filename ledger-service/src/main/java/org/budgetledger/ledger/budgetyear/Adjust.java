package org.budgetledger.ledger.budgetyear;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.budgetledger.contracts.money.Money;

/** ADJUST 年中调整（追加/调减）: a signed change of a line's budget. */
public record Adjust(@TargetAggregateIdentifier String budgetYearId, Posting posting, String lineId, Money amount, String reason) implements PostingCommand {
}
