package org.budgetledger.ledger.budgetyear;

import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.events.BalancesCarriedIn;
import org.budgetledger.contracts.events.CarriedBalance;
import org.budgetledger.contracts.events.CarriedLine;
import org.budgetledger.contracts.events.YearClosed;
import org.budgetledger.ledger.decision.Decision;
import org.budgetledger.contracts.api.Rejection;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** CARRY_OVER 年终结转: closes the year and opens its balances in the next one. */
public record CarryOver(@TargetAggregateIdentifier String budgetYearId, Posting posting) implements PostingCommand {

    /**
     * Closes this year and opens its balances in the next, in the same unit of work (one database transaction):
     * either both happen or neither. Budget years are always locked in increasing year order, so two carry-overs
     * cannot deadlock.
     */
    @Override
    public Decision decide(BudgetYear year, Lookups lookups) {
        int nextYear = posting.year() + 1;
        Optional<Rejection> rejection = year.checkOpen(posting).or(() -> nextYear > BudgetYear.LAST_YEAR
                ? Optional.of(Rejection.of(ProblemCode.VALIDATION_FAILED, "there is no budget year " + nextYear))
                : Optional.empty());
        if (rejection.isPresent()) {
            return Decision.rejected(rejection.get());
        }
        List<CarriedLine> carriedLines = year.lines().stream()
                .filter(line -> line.fund().isFiscal() && !line.available().isZero())
                .sorted(Comparator.comparing(BudgetLine::id))
                .map(line -> new CarriedLine(line.id() + BudgetYear.CARRIED_LINE_MARK + nextYear, line.id(), line.fund(),
                        line.subject(), line.kind(), line.project(), line.economicRestriction(), line.available()))
                .toList();
        List<CarriedBalance> carriedBalances = year.balances().nonFiscalBalances();
        BalancesCarriedIn carriedIn = new BalancesCarriedIn(posting.transactionId(), posting.unit(), nextYear,
                LocalDate.of(nextYear, 1, 1), posting.principal(), posting.memo(), posting.voucher(), posting.year(),
                carriedLines, carriedBalances);
        Decision received = next(lookups.budgetYears(), BudgetYearId.of(posting.unit(), nextYear))
                .invoke(next -> next.receiveCarryOver(carriedIn));
        return Decision.unless(received instanceof Decision.Rejected rejected ? Optional.of(rejected.rejection())
                        : Optional.empty(),
                () -> Decision.accepted(null, new YearClosed(posting.transactionId(), posting.unit(), posting.year(),
                        LocalDate.of(posting.year(), 12, 31), posting.principal(), posting.memo(), posting.voucher())));
    }

    /** The next budget year, created if it has no event yet, in this command's unit of work. */
    private static Aggregate<BudgetYear> next(Repository<BudgetYear> budgetYears, String nextId) {
        try {
            return budgetYears.loadOrCreate(nextId, BudgetYear::new);
        } catch (RuntimeException failed) {
            throw failed;
        } catch (Exception impossible) {
            // only the factory, BudgetYear::new, could throw a checked exception, and it throws none
            throw new IllegalStateException(impossible);
        }
    }
}
