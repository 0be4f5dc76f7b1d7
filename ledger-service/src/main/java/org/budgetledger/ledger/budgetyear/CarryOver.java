package org.budgetledger.ledger.budgetyear;

import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.events.BalancesCarriedIn;
import org.budgetledger.contracts.events.CarriedBalance;
import org.budgetledger.contracts.events.CarriedLine;
import org.budgetledger.contracts.events.CommitmentCarriedOver;
import org.budgetledger.contracts.events.YearClosed;
import org.budgetledger.ledger.decision.Decision;
import org.budgetledger.contracts.api.Rejection;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CARRY_OVER 年终结转: closes the year and opens its balances in the next one. A fiscal line brings in what it did
 * not pay (its available and its open commitments), and each open commitment of it moves onto the carried-in line
 * (SPEC §14). Commitments of non-fiscal lines stay in the closed year: their money carries over as the fund's
 * balance, which has no line to hold a commitment.
 */
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
                .filter(line -> line.fund().isFiscal() && !line.unpaid().isZero())
                .sorted(Comparator.comparing(BudgetLine::id))
                .map(line -> new CarriedLine(carriedLineId(line.id(), nextYear), line.id(), line.fund(),
                        line.subject(), line.kind(), line.project(), line.economicRestriction(), line.unpaid()))
                .toList();
        List<CarriedBalance> carriedBalances = year.balances().nonFiscalBalances();
        BalancesCarriedIn carriedIn = new BalancesCarriedIn(posting.transactionId(), posting.unit(), nextYear,
                LocalDate.of(nextYear, 1, 1), posting.principal(), posting.memo(), posting.voucher(), posting.year(),
                carriedLines, carriedBalances);
        List<CommitmentCarriedOver> carriedCommitments = carriedCommitments(year,
                carriedLines.stream().map(CarriedLine::fromLineId).collect(Collectors.toSet()), carriedIn);
        Decision received = next(lookups.budgetYears(), BudgetYearId.of(posting.unit(), nextYear))
                .invoke(next -> next.receiveCarryOver(carriedIn, carriedCommitments));
        return Decision.unless(received instanceof Decision.Rejected rejected ? Optional.of(rejected.rejection())
                        : Optional.empty(),
                () -> Decision.accepted(null, new YearClosed(posting.transactionId(), posting.unit(), posting.year(),
                        LocalDate.of(posting.year(), 12, 31), posting.principal(), posting.memo(), posting.voucher())));
    }

    /** The open commitments of the carried lines, each onto its line's carry-in, with the rest of its schedule. */
    private List<CommitmentCarriedOver> carriedCommitments(BudgetYear year, Set<String> carriedLineIds,
                                                           BalancesCarriedIn carriedIn) {
        return year.commitments().stream()
                .filter(commitment -> commitment.open().isPositive() && carriedLineIds.contains(commitment.lineId()))
                .sorted(Comparator.comparing(Commitment::id))
                .map(commitment -> {
                    BudgetLine line = year.line(commitment.lineId());
                    return new CommitmentCarriedOver(carriedIn.transactionId(), carriedIn.unit(), carriedIn.year(),
                            carriedIn.effectiveDate(), carriedIn.principal(), carriedIn.memo(), carriedIn.voucher(),
                            commitment.id(), posting.year(), line.id(), line.origin(), carriedLineId(line.id(), carriedIn.year()),
                            line.fund(), line.subject(), line.kind(), line.project(), commitment.open(),
                            commitment.contract(), commitment.payee(),
                            OpenSchedule.carriedInto(carriedIn.year(), commitment.openSchedule()));
                })
                .toList();
    }

    private static String carriedLineId(String lineId, int nextYear) {
        return lineId + BudgetYear.CARRIED_LINE_MARK + nextYear;
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
