package org.budgetledger.ledger.budgetyear;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.events.IncomeReceived;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.ledger.decision.Decision;

import java.util.Optional;

/** RECEIVE 非财政拨款收入. */
public record Receive(@TargetAggregateIdentifier String budgetYearId, Posting posting, Fund fund, String subject, Money amount) implements PostingCommand {

    @Override
    public Optional<String> subjectCode() {
        return Optional.ofNullable(subject);
    }

    /** Non-fiscal money only. */
    @Override
    public Decision decide(BudgetYear year, Lookups lookups) {
        return Decision.unless(year.checkPostable(posting, amount).or(() -> BudgetYear.checkNonFiscal(fund, "RECEIVE")),
                () -> Decision.accepted(null, new IncomeReceived(posting.transactionId(), posting.unit(),
                        posting.year(), posting.date(), posting.principal(), posting.memo(), posting.voucher(), fund,
                        subject, amount)));
    }
}
