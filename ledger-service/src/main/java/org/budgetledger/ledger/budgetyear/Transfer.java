package org.budgetledger.ledger.budgetyear;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.events.BudgetTransferred;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.ledger.decision.Decision;
import org.budgetledger.contracts.api.Rejection;

import java.util.Optional;

/** TRANSFER 指标调剂 between two lines of the same unit-year and fund. */
public record Transfer(@TargetAggregateIdentifier String budgetYearId, Posting posting, String fromLineId, String toLineId, Money amount,
                       String reason) implements PostingCommand {

    /** Between two appropriated lines of one fund; the source keeps at least what it paid. */
    @Override
    public Decision decide(BudgetYear year, Lookups lookups) {
        Optional<Rejection> rejection = year.checkPostable(posting, amount)
                .or(() -> year.checkLine(fromLineId, posting))
                .or(() -> year.checkLine(toLineId, posting));
        if (rejection.isPresent()) {
            return Decision.rejected(rejection.get());
        }
        BudgetLine from = year.line(fromLineId);
        BudgetLine to = year.line(toLineId);
        return Decision.unless(from.checkAdjustable()
                        .or(to::checkAdjustable)
                        .or(() -> checkOneFund(from, to))
                        .or(() -> from.checkBudgetChange(amount.negate())),
                () -> Decision.accepted(null, new BudgetTransferred(posting.transactionId(), posting.unit(),
                        posting.year(), posting.date(), posting.principal(), posting.memo(), posting.voucher(),
                        from.fund(), from.id(), from.subject(), from.kind(), from.project(), to.id(), to.subject(),
                        to.kind(), to.project(), amount, reason)));
    }

    /** 调剂 moves money within one fund. */
    static Optional<Rejection> checkOneFund(BudgetLine from, BudgetLine to) {
        if (from.fund() != to.fund()) {
            return Optional.of(Rejection.of(ProblemCode.INVALID_FUND, "budget line " + from.id() + " is " + from.fund()
                    + " money and " + to.id() + " is " + to.fund() + "; 调剂 moves money within one fund"));
        }
        return Optional.empty();
    }
}
