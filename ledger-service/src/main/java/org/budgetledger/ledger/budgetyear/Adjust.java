package org.budgetledger.ledger.budgetyear;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.budgetledger.contracts.events.BudgetAdjusted;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.ledger.decision.Decision;
import org.budgetledger.contracts.api.Rejection;

import java.util.Optional;

/** ADJUST 年中调整（追加/调减）: a signed change of a line's budget. */
public record Adjust(@TargetAggregateIdentifier String budgetYearId, Posting posting, String lineId, Money amount, String reason) implements PostingCommand {

    /** An appropriated line of this year, whose budget never falls below what it paid. */
    @Override
    public Decision decide(BudgetYear year, Lookups lookups) {
        Optional<Rejection> rejection = year.checkPostable(posting, amount).or(() -> year.checkLine(lineId, posting));
        if (rejection.isPresent()) {
            return Decision.rejected(rejection.get());
        }
        BudgetLine line = year.line(lineId);
        return Decision.unless(line.checkAdjustable().or(() -> line.checkBudgetChange(amount)),
                () -> Decision.accepted(null, new BudgetAdjusted(posting.transactionId(), posting.unit(),
                        posting.year(), posting.date(), posting.principal(), posting.memo(), posting.voucher(),
                        line.id(), line.fund(), line.subject(), line.kind(), line.project(), amount, reason)));
    }
}
