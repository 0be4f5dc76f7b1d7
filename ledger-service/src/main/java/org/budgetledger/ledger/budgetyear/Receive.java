package org.budgetledger.ledger.budgetyear;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.budgetledger.contracts.api.Rejection;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.events.IncomeReceived;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.ledger.decision.Decision;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** RECEIVE 非财政拨款收入; {@code counterparty}, when not null, the unit of the ledger that paid it (SPEC §13). */
public record Receive(@TargetAggregateIdentifier String budgetYearId, Posting posting, Fund fund, String subject,
                      Money amount, String counterparty) implements PostingCommand {

    /** The funds whose income may come from another unit of the ledger: 上级补助收入, 附属单位上缴收入. */
    private static final Set<Fund> INTERNAL_FUNDS = EnumSet.of(Fund.SUPERIOR_SUBSIDY, Fund.AFFILIATE);

    @Override
    public Optional<String> subjectCode() {
        return Optional.ofNullable(subject);
    }

    @Override
    public Optional<String> counterpartyUnit() {
        return Optional.ofNullable(counterparty);
    }

    /** Non-fiscal money only; from a counterparty only as income of an internal fund. */
    @Override
    public Decision decide(BudgetYear year, Lookups lookups) {
        return Decision.unless(year.checkPostable(posting, amount).or(() -> BudgetYear.checkNonFiscal(fund, "RECEIVE"))
                        .or(() -> checkCounterparty(fund, counterparty)),
                () -> Decision.accepted(null, new IncomeReceived(posting.transactionId(), posting.unit(),
                        posting.year(), posting.date(), posting.principal(), posting.memo(), posting.voucher(), fund,
                        subject, amount, counterparty)));
    }

    /** Only income from the superior or from an affiliate names the unit it comes from (SPEC §13). */
    static Optional<Rejection> checkCounterparty(Fund fund, String counterparty) {
        if (counterparty == null || INTERNAL_FUNDS.contains(fund)) {
            return Optional.empty();
        }
        return Optional.of(BudgetYear.counterpartyRefused(
                "only for income of fund SUPERIOR_SUBSIDY or AFFILIATE (an internal flow), not " + fund));
    }
}
