package org.budgetledger.ledger.budgetyear;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.budgetledger.contracts.codes.ThreePublicCategory;
import org.budgetledger.contracts.events.ThreePublicLimitSet;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.ledger.decision.Decision;

/** SET_LIMIT 三公经费预算 of a category. */
public record SetLimit(@TargetAggregateIdentifier String budgetYearId, Posting posting, ThreePublicCategory category, Money amount) implements PostingCommand {

    /** A limit a unit-year could reach, not below what the category spent already. */
    @Override
    public Decision decide(BudgetYear year, Lookups lookups) {
        return Decision.unless(year.checkOpen(posting)
                        .or(() -> Turnover.checkLimit(amount))
                        .or(() -> year.threePublic().checkLimit(category, amount)),
                () -> Decision.accepted(null, new ThreePublicLimitSet(posting.transactionId(), posting.unit(),
                        posting.year(), posting.date(), posting.principal(), posting.memo(), posting.voucher(),
                        category, amount)));
    }
}
