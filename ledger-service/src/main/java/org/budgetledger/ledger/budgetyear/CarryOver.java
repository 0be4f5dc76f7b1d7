package org.budgetledger.ledger.budgetyear;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** CARRY_OVER 年终结转: closes the year and opens its balances in the next one. */
public record CarryOver(@TargetAggregateIdentifier String budgetYearId, Posting posting) implements PostingCommand {
}
