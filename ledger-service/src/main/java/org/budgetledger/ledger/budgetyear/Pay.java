package org.budgetledger.ledger.budgetyear;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.budgetledger.contracts.codes.PaymentMethod;
import org.budgetledger.contracts.codes.ThreePublicCategory;
import org.budgetledger.contracts.events.Activity;
import org.budgetledger.contracts.events.PaymentMade;
import org.budgetledger.contracts.events.Procurement;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.ledger.decision.Decision;
import org.budgetledger.contracts.api.Rejection;

import java.util.Optional;

/**
 * PAY 支付 from a budget line; {@code counterparty}, when not null, the unit of the ledger paid (SPEC §13);
 * {@code commitment}, when not null, the commitment of the line it pays under (SPEC §14); {@code procurement} and
 * {@code activity}, when not null, what the publication discloses of it (SPEC §15).
 */
public record Pay(
        @TargetAggregateIdentifier String budgetYearId,
        Posting posting,
        String lineId, String economic, Money amount, String payee, PaymentMethod method,
        String counterparty, String commitment, Procurement procurement, Activity activity) implements PostingCommand {

    /** A payment under no commitment, without the disclosure fields of SPEC §15. */
    public Pay(String budgetYearId, Posting posting, String lineId, String economic, Money amount, String payee,
               PaymentMethod method, String counterparty) {
        this(budgetYearId, posting, lineId, economic, amount, payee, method, counterparty, null, null, null);
    }

    /** A payment, perhaps under a commitment, without the disclosure fields of SPEC §15. */
    public Pay(String budgetYearId, Posting posting, String lineId, String economic, Money amount, String payee,
               PaymentMethod method, String counterparty, String commitment) {
        this(budgetYearId, posting, lineId, economic, amount, payee, method, counterparty, commitment, null, null);
    }

    @Override
    public Optional<String> economicCode() {
        return Optional.ofNullable(economic);
    }

    @Override
    public Optional<String> counterpartyUnit() {
        return Optional.ofNullable(counterparty);
    }

    /**
     * From a known line that may pay this (to a counterparty only from a line of an internal kind), on or after
     * its creation, within what it has available, or, under a commitment of that line, within what is open of the
     * commitment (its money is reserved already); and within the 三公 limit.
     */
    @Override
    public Decision decide(BudgetYear year, Lookups lookups) {
        Optional<Rejection> rejection = year.checkPostable(posting, amount).or(() -> year.checkLine(lineId, posting))
                .or(() -> commitment == null ? Optional.empty() : year.checkCommitment(commitment, posting));
        if (rejection.isPresent()) {
            return Decision.rejected(rejection.get());
        }
        BudgetLine line = year.line(lineId);
        Optional<Rejection> lineRules = commitment == null
                ? line.checkCounterparty(counterparty).or(() -> line.checkPayment(economic, amount, posting.date()))
                : checkUnderCommitment(year.commitment(commitment), line);
        return Decision.unless(lineRules.or(() -> checkThreePublic(year, line)),
                () -> Decision.accepted(null, new PaymentMade(posting.transactionId(), posting.unit(), posting.year(),
                        posting.date(), posting.principal(), posting.memo(), posting.voucher(), line.id(),
                        line.origin(), line.fund(), line.subject(), line.kind(), line.project(), economic, amount,
                        payee, method, counterparty, commitment, procurement, activity)));
    }

    /** A commitment of this line, not dated after the payment, with at least the amount open. */
    private Optional<Rejection> checkUnderCommitment(Commitment reserved, BudgetLine line) {
        return reserved.checkLine(line.id())
                .or(() -> line.checkCounterparty(counterparty))
                .or(() -> line.checkEconomic(economic))
                .or(() -> line.checkDate("payment", posting.date()))
                .or(() -> reserved.checkDate("payment", posting.date()))
                .or(() -> reserved.checkOpen("payment", amount));
    }

    /** Fiscal money spent on a 三公 category stays within the category's limit. */
    private Optional<Rejection> checkThreePublic(BudgetYear year, BudgetLine line) {
        if (!line.fund().isFiscal()) {
            return Optional.empty();
        }
        return ThreePublicCategory.ofEconomic(economic).flatMap(category -> year.threePublic().checkSpending(category, amount));
    }
}
