package org.budgetledger.ledger.budgetyear;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.events.OpeningBalanceRecorded;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.ledger.decision.Decision;
import org.budgetledger.contracts.api.Rejection;

import java.util.Optional;

/** OPENING_BALANCE 期初结转和结余. */
public record RecordOpeningBalance(@TargetAggregateIdentifier String budgetYearId, Posting posting, Fund fund, String subject, Kind kind,
                                   String project, String economic, Money amount) implements PostingCommand {

    /** Only fiscal opening balances become budget lines. */
    @Override
    public String createdLineId() {
        return fund.isFiscal() ? posting.transactionId() : null;
    }

    @Override
    public Optional<String> subjectCode() {
        return Optional.ofNullable(subject);
    }

    @Override
    public Optional<String> economicCode() {
        return Optional.ofNullable(economic);
    }

    /** Not into a year that received the previous year's carry-over. */
    @Override
    public Decision decide(BudgetYear year, Lookups lookups) {
        return Decision.unless(year.checkPostable(posting, amount).or(() -> checkNoCarryOver(year)),
                () -> Decision.accepted(createdLineId(), new OpeningBalanceRecorded(posting.transactionId(),
                        posting.unit(), posting.year(), posting.date(), posting.principal(), posting.memo(),
                        posting.voucher(), fund, subject, kind, project, economic, amount, createdLineId())));
    }

    private Optional<Rejection> checkNoCarryOver(BudgetYear year) {
        if (year.carriedIn()) {
            return Optional.of(Rejection.of(ProblemCode.OPENING_CONFLICT, "year " + posting.year() + " of unit "
                    + posting.unit() + " already received the previous year's carry-over"));
        }
        return Optional.empty();
    }
}
