package org.budgetledger.ledger.budgetyear;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.budgetledger.contracts.api.Rejection;
import org.budgetledger.contracts.events.CommitmentMade;
import org.budgetledger.contracts.events.ScheduledPayment;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.ledger.decision.Decision;

import java.util.List;
import java.util.Optional;

/**
 * COMMIT 用款冻结 (SPEC §14): {@code amount} of a budget line reserved for a contract; the commitment's id is the
 * transaction's.
 *
 * @param schedule the expected payments, earliest first, summing to {@code amount} (checked with the fields); may be empty
 */
public record Commit(@TargetAggregateIdentifier String budgetYearId, Posting posting, String lineId, Money amount,
                     String contract, String payee, List<ScheduledPayment> schedule) implements PostingCommand {

    /** From a known line, on or after its creation, within what it has available. */
    @Override
    public Decision decide(BudgetYear year, Lookups lookups) {
        Optional<Rejection> rejection = year.checkPostable(posting, amount).or(() -> year.checkLine(lineId, posting));
        if (rejection.isPresent()) {
            return Decision.rejected(rejection.get());
        }
        BudgetLine line = year.line(lineId);
        return Decision.unless(line.checkDate("commitment", posting.date())
                        .or(() -> line.checkAvailable("commitment", amount)),
                () -> Decision.accepted(null, new CommitmentMade(posting.transactionId(), posting.unit(), posting.year(),
                        posting.date(), posting.principal(), posting.memo(), posting.voucher(), line.id(), line.origin(),
                        line.fund(), line.subject(), line.kind(), line.project(), amount, contract, payee, schedule)));
    }
}
