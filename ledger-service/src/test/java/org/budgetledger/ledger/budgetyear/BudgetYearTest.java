package org.budgetledger.ledger.budgetyear;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.contracts.events.BudgetAppropriated;
import org.budgetledger.contracts.events.PaymentMade;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.ledger.decision.Decision;
import org.budgetledger.contracts.api.Rejection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.budgetledger.ledger.budgetyear.DecisionMatchers.accepted;
import static org.budgetledger.ledger.budgetyear.DecisionMatchers.rejected;

class BudgetYearTest {

    private static final String YEAR_ID = BudgetYearId.of("430001", 2023);

    private AggregateTestFixture<BudgetYear> fixture;

    @BeforeEach
    void setUp() {
        fixture = BudgetYearFixture.create();
    }

    @Test
    void appropriation_creates_a_line_named_after_the_transaction() {
        fixture.givenNoPriorActivity()
                .when(appropriate("a1", "2023-01-10", "1000.00", null))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(accepted("a1"))
                .expectEvents(appropriated("a1", "2023-01-10", "1000.00", null));
    }

    @Test
    void payment_within_the_available_balance_is_accepted_with_the_line_dimensions() {
        fixture.given(appropriated("a1", "2023-01-10", "1000.00", null))
                .when(pay("p1", "a1", "2023-02-01", "30201", "1000.00"))
                .expectEvents(new PaymentMade("p1", "430001", 2023, LocalDate.parse("2023-02-01"), "clerk", null, null,
                        "a1", LineOrigin.APPROPRIATION, Fund.GENERAL_BUDGET, "2140199", Kind.BASIC, null, "30201", Money.parseYuan("1000.00"),
                        null, null));
    }

    @Test
    void payment_larger_than_available_is_rejected() {
        fixture.given(appropriated("a1", "2023-01-10", "1000.00", null),
                        paid("p1", "a1", "600.00"))
                .when(pay("p2", "a1", "2023-03-01", "30201", "400.01"))
                .expectNoEvents()
                .expectResultMessagePayload(Decision.rejected(Rejection.of(ProblemCode.INSUFFICIENT_BALANCE,
                        "budget line a1 has 400.00 元 available; the payment asks for 400.01 元")));
    }

    @Test
    void payment_from_an_unknown_line_is_rejected() {
        fixture.given(appropriated("a1", "2023-01-10", "1000.00", null))
                .when(pay("p1", "nope", "2023-02-01", "30201", "1.00"))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(rejected(ProblemCode.UNKNOWN_LINE));
    }

    @Test
    void payment_outside_the_lines_economic_restriction_is_rejected() {
        fixture.given(appropriated("a1", "2023-01-10", "1000.00", "302"))
                .when(pay("p1", "a1", "2023-02-01", "30101", "1.00"))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(rejected(ProblemCode.ECONOMIC_MISMATCH));
    }

    @Test
    void payment_inside_the_lines_economic_group_is_accepted() {
        fixture.given(appropriated("a1", "2023-01-10", "1000.00", "302"))
                .when(pay("p1", "a1", "2023-02-01", "30226", "1.00"))
                .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayloadMatching(accepted(null));
    }

    @Test
    void payment_dated_before_its_line_is_rejected() {
        fixture.given(appropriated("a1", "2023-03-10", "1000.00", null))
                .when(pay("p1", "a1", "2023-03-09", "30201", "1.00"))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(rejected(ProblemCode.DATE_BEFORE_LINE));
    }

    private static Appropriate appropriate(String id, String date, String amount, String economic) {
        Posting posting = new Posting(id, "430001", 2023, LocalDate.parse(date), "clerk", null, null);
        return new Appropriate(YEAR_ID, posting, Fund.GENERAL_BUDGET, "2140199", Kind.BASIC, null, economic,
                Money.parseYuan(amount));
    }

    private static BudgetAppropriated appropriated(String id, String date, String amount, String economic) {
        return new BudgetAppropriated(id, "430001", 2023, LocalDate.parse(date), "clerk", null, null, id,
                Fund.GENERAL_BUDGET, "2140199", Kind.BASIC, null, economic, Money.parseYuan(amount));
    }

    private static Pay pay(String id, String line, String date, String economic, String amount) {
        Posting posting = new Posting(id, "430001", 2023, LocalDate.parse(date), "clerk", null, null);
        return new Pay(YEAR_ID, posting, line, economic, Money.parseYuan(amount), null, null, null);
    }

    private static PaymentMade paid(String id, String line, String amount) {
        return new PaymentMade(id, "430001", 2023, LocalDate.parse("2023-02-01"), "clerk", null, null, line, LineOrigin.APPROPRIATION,
                Fund.GENERAL_BUDGET, "2140199", Kind.BASIC, null, "30201", Money.parseYuan(amount), null, null);
    }
}
