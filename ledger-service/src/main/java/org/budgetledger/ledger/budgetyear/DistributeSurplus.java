package org.budgetledger.ledger.budgetyear;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.events.SurplusDistributed;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.ledger.decision.Decision;
import org.budgetledger.contracts.api.Rejection;

import java.util.Optional;

/** DISTRIBUTE_SURPLUS 结余分配. */
public record DistributeSurplus(@TargetAggregateIdentifier String budgetYearId, Posting posting, Fund fund, String subject, Money amount) implements PostingCommand {

    @Override
    public Optional<String> subjectCode() {
        return Optional.ofNullable(subject);
    }

    /** Non-fiscal money, at most the balance of its fund and subject. */
    @Override
    public Decision decide(BudgetYear year, Lookups lookups) {
        return Decision.unless(year.checkPostable(posting, amount)
                        .or(() -> BudgetYear.checkNonFiscal(fund, "DISTRIBUTE_SURPLUS"))
                        .or(() -> checkBalance(year)),
                () -> Decision.accepted(null, new SurplusDistributed(posting.transactionId(), posting.unit(),
                        posting.year(), posting.date(), posting.principal(), posting.memo(), posting.voucher(), fund,
                        subject, amount)));
    }

    private Optional<Rejection> checkBalance(BudgetYear year) {
        Money balance = year.balances().balance(fund, subject);
        if (balance.isLessThan(amount)) {
            return Optional.of(Rejection.of(ProblemCode.INSUFFICIENT_BALANCE, fund + " at subject " + subject
                    + " has a balance of " + balance + " 元; " + amount + " 元 cannot be distributed"));
        }
        return Optional.empty();
    }
}
