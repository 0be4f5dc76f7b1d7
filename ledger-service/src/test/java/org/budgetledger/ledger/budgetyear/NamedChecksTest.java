package org.budgetledger.ledger.budgetyear;

import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.contracts.api.Rejection;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule is a check that answers its rejection, or nothing when the transaction passes it. */
class NamedChecksTest {

    private static final LocalDate CREATED = LocalDate.of(2023, 3, 1);

    private final BudgetLine line = BudgetLine.created("a1", Fund.GENERAL_BUDGET, "2140199", Kind.BASIC, null, "302",
            LineOrigin.APPROPRIATION, CREATED, Money.parseYuan("100.00")).withPayment(Money.parseYuan("60.00"));

    @Test
    void a_payment_check_answers_the_first_rule_it_breaks_with_its_message() {
        assertThat(line.checkPayment("30201", Money.parseYuan("40.01"), CREATED)).contains(Rejection.of(
                ProblemCode.INSUFFICIENT_BALANCE, "budget line a1 has 40.00 元 available; the payment asks for 40.01 元"));
        assertThat(line.checkPayment("30101", Money.parseYuan("1.00"), CREATED)).contains(Rejection.of(
                ProblemCode.ECONOMIC_MISMATCH, "budget line a1 may only pay economic code 302xx, not 30101"));
        assertThat(line.checkPayment("30201", Money.parseYuan("1.00"), CREATED.minusDays(1)).map(Rejection::code))
                .contains(ProblemCode.DATE_BEFORE_LINE);
    }

    @Test
    void a_check_the_transaction_passes_answers_nothing() {
        assertThat(line.checkPayment("30201", Money.parseYuan("40.00"), CREATED)).isEmpty();
        assertThat(line.checkAdjustable()).isEmpty();
        assertThat(line.checkBudgetChange(Money.parseYuan("-40.00"))).isEmpty();
        assertThat(Turnover.checkLimit(Money.parseYuan("10000000000000.00"))).isEmpty();
    }

    @Test
    void checks_of_the_state_and_of_one_type_answer_their_rejections() {
        assertThat(line.checkBudgetChange(Money.parseYuan("-40.01")).map(Rejection::code)).contains(ProblemCode.INSUFFICIENT_BALANCE);
        assertThat(Turnover.checkLimit(Money.parseYuan("10000000000000.01")).map(Rejection::code))
                .contains(ProblemCode.AMOUNT_LIMIT_EXCEEDED);
        BudgetLine otherFund = BudgetLine.created("a2", Fund.GOV_FUND, "2140199", Kind.BASIC, null, null,
                LineOrigin.APPROPRIATION, CREATED, Money.parseYuan("1.00"));
        Optional<Rejection> rejection = Transfer.checkOneFund(line, otherFund);
        assertThat(rejection.map(Rejection::code)).contains(ProblemCode.INVALID_FUND);
        assertThat(BudgetYear.checkNonFiscal(Fund.GENERAL_BUDGET, "RECEIVE").map(Rejection::detail))
                .contains("RECEIVE is for non-fiscal money; GENERAL_BUDGET (" + Fund.GENERAL_BUDGET.label()
                        + ") comes by APPROPRIATE");
        assertThat(BudgetYear.checkNonFiscal(Fund.OTHER, "RECEIVE")).isEmpty();
    }

    @Test
    void a_counterparty_is_only_for_the_internal_kinds_and_funds() {
        assertThat(line.checkCounterparty("430002")).contains(new Rejection(ProblemCode.VALIDATION_FAILED,
                "counterparty: only for a payment from a line of kind SUBSIDY_AFFILIATE or REMIT_SUPERIOR (an internal"
                        + " flow); line a1 is BASIC", List.of(new FieldError("counterparty", "only for a payment from a"
                        + " line of kind SUBSIDY_AFFILIATE or REMIT_SUPERIOR (an internal flow); line a1 is BASIC"))));
        assertThat(line.checkCounterparty(null)).isEmpty();
        for (Kind kind : List.of(Kind.SUBSIDY_AFFILIATE, Kind.REMIT_SUPERIOR)) {
            BudgetLine internal = BudgetLine.created("s1", Fund.OTHER, "2140199", kind, null, null,
                    LineOrigin.APPROPRIATION, CREATED, Money.parseYuan("1.00"));
            assertThat(internal.checkCounterparty("430002")).as(kind.name()).isEmpty();
        }

        assertThat(Receive.checkCounterparty(Fund.BUSINESS, "430002").map(Rejection::errors)).contains(List.of(
                new FieldError("counterparty", "only for income of fund SUPERIOR_SUBSIDY or AFFILIATE (an internal"
                        + " flow), not BUSINESS")));
        assertThat(Receive.checkCounterparty(Fund.BUSINESS, null)).isEmpty();
        assertThat(Receive.checkCounterparty(Fund.SUPERIOR_SUBSIDY, "430000")).isEmpty();
        assertThat(Receive.checkCounterparty(Fund.AFFILIATE, "430002")).isEmpty();
    }
}
