package org.budgetledger.ledger.budgetyear;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.events.ReserveUsed;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.ledger.decision.Decision;

import java.util.Optional;

/** USE_RESERVE 使用非财政拨款结余和专用结余. */
public record UseReserve(@TargetAggregateIdentifier String budgetYearId, Posting posting, Fund fund, String subject, Money amount) implements PostingCommand {

    @Override
    public Optional<String> subjectCode() {
        return Optional.ofNullable(subject);
    }

    /** Non-fiscal money only. */
    @Override
    public Decision decide(BudgetYear year, Lookups lookups) {
        return Decision.unless(year.checkPostable(posting, amount).or(() -> BudgetYear.checkNonFiscal(fund, "USE_RESERVE")),
                () -> Decision.accepted(null, new ReserveUsed(posting.transactionId(), posting.unit(),
                        posting.year(), posting.date(), posting.principal(), posting.memo(), posting.voucher(), fund,
                        subject, amount)));
    }
}
