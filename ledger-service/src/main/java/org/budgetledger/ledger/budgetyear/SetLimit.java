package org.budgetledger.ledger.budgetyear;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.budgetledger.contracts.codes.ThreePublicCategory;
import org.budgetledger.contracts.money.Money;

/** SET_LIMIT 三公经费预算 of a category. */
public record SetLimit(@TargetAggregateIdentifier String budgetYearId, Posting posting, ThreePublicCategory category, Money amount) implements PostingCommand {
}
