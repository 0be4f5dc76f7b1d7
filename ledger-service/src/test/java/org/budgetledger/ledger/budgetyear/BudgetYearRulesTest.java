package org.budgetledger.ledger.budgetyear;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.contracts.codes.ThreePublicCategory;
import org.budgetledger.contracts.events.BalancesCarriedIn;
import org.budgetledger.contracts.events.BudgetAdjusted;
import org.budgetledger.contracts.events.BudgetAppropriated;
import org.budgetledger.contracts.events.BudgetTransferred;
import org.budgetledger.contracts.events.IncomeReceived;
import org.budgetledger.contracts.events.OpeningBalanceRecorded;
import org.budgetledger.contracts.events.PaymentMade;
import org.budgetledger.contracts.events.PaymentRefunded;
import org.budgetledger.contracts.events.ReserveUsed;
import org.budgetledger.contracts.events.SurplusDistributed;
import org.budgetledger.contracts.events.ThreePublicLimitSet;
import org.budgetledger.contracts.events.YearClosed;
import org.budgetledger.contracts.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.budgetledger.ledger.budgetyear.DecisionMatchers.accepted;
import static org.budgetledger.ledger.budgetyear.DecisionMatchers.rejected;

/** One test per rule of SPEC §4 that the budget year decides, each on both sides of the rule. */
class BudgetYearRulesTest {

    private static final String UNIT = "430001";
    private static final String YEAR_ID = BudgetYearId.of(UNIT, 2023);

    private AggregateTestFixture<BudgetYear> fixture;

    @BeforeEach
    void setUp() {
        fixture = BudgetYearFixture.create();
    }

    @Nested
    class Adjust_ {
        @Test
        void an_increase_or_a_cut_down_to_what_was_paid_is_accepted() {
            fixture.given(appropriated("a1", Fund.GENERAL_BUDGET, "100.00"), paid("p1", "a1", "30201", "60.00"))
                    .when(new Adjust(YEAR_ID, posting("j1"), "a1", Money.parseYuan("-40.00"), "调减"))
                    .expectEvents(new BudgetAdjusted("j1", UNIT, 2023, date(), "clerk", null, null, "a1",
                            Fund.GENERAL_BUDGET, "2140199", Kind.BASIC, null, Money.parseYuan("-40.00"), "调减"));
        }

        @Test
        void a_cut_below_what_was_paid_is_rejected() {
            fixture.given(appropriated("a1", Fund.GENERAL_BUDGET, "100.00"), paid("p1", "a1", "30201", "60.00"))
                    .when(new Adjust(YEAR_ID, posting("j1"), "a1", Money.parseYuan("-40.01"), "调减"))
                    .expectNoEvents().expectResultMessagePayloadMatching(rejected(ProblemCode.INSUFFICIENT_BALANCE));
        }

        @Test
        void an_unknown_line_is_rejected() {
            fixture.given(appropriated("a1", Fund.GENERAL_BUDGET, "100.00"))
                    .when(new Adjust(YEAR_ID, posting("j1"), "zz", Money.parseYuan("1.00"), "追加"))
                    .expectNoEvents().expectResultMessagePayloadMatching(rejected(ProblemCode.UNKNOWN_LINE));
        }

        @Test
        void an_opening_line_cannot_be_adjusted() {
            fixture.given(opening("o1", Fund.GENERAL_BUDGET, "100.00"))
                    .when(new Adjust(YEAR_ID, posting("j1"), "o1", Money.parseYuan("1.00"), "追加"))
                    .expectNoEvents().expectResultMessagePayloadMatching(rejected(ProblemCode.LINE_NOT_ADJUSTABLE));
        }
    }

    @Nested
    class Transfer_ {
        @Test
        void moves_budget_between_lines_of_one_fund() {
            fixture.given(appropriated("a1", Fund.GENERAL_BUDGET, "100.00"), appropriated("a2", Fund.GENERAL_BUDGET, "1.00"))
                    .when(new Transfer(YEAR_ID, posting("t1"), "a1", "a2", Money.parseYuan("100.00"), "调剂"))
                    .expectEvents(new BudgetTransferred("t1", UNIT, 2023, date(), "clerk", null, null,
                            Fund.GENERAL_BUDGET, "a1", "2140199", Kind.BASIC, null, "a2", "2140199", Kind.BASIC, null,
                            Money.parseYuan("100.00"), "调剂"));
        }

        @Test
        void lines_of_different_funds_are_rejected() {
            fixture.given(appropriated("a1", Fund.GENERAL_BUDGET, "100.00"), appropriated("a2", Fund.GOV_FUND, "1.00"))
                    .when(new Transfer(YEAR_ID, posting("t1"), "a1", "a2", Money.parseYuan("1.00"), "调剂"))
                    .expectNoEvents().expectResultMessagePayloadMatching(rejected(ProblemCode.INVALID_FUND));
        }

        @Test
        void more_than_the_source_has_available_is_rejected() {
            fixture.given(appropriated("a1", Fund.GENERAL_BUDGET, "100.00"), paid("p1", "a1", "30201", "50.00"),
                            appropriated("a2", Fund.GENERAL_BUDGET, "1.00"))
                    .when(new Transfer(YEAR_ID, posting("t1"), "a1", "a2", Money.parseYuan("50.01"), "调剂"))
                    .expectNoEvents().expectResultMessagePayloadMatching(rejected(ProblemCode.INSUFFICIENT_BALANCE));
        }

        @Test
        void a_carried_in_line_is_not_adjustable() {
            fixture.given(carriedIn("c1", "100.00"), appropriated("a2", Fund.GENERAL_BUDGET, "1.00"))
                    .when(new Transfer(YEAR_ID, posting("t1"), "c1", "a2", Money.parseYuan("1.00"), "调剂"))
                    .expectNoEvents().expectResultMessagePayloadMatching(rejected(ProblemCode.LINE_NOT_ADJUSTABLE));
        }
    }

    @Nested
    class Refund_ {
        @Test
        void refunds_up_to_the_payment_are_accepted() {
            fixture.given(appropriated("a1", Fund.GENERAL_BUDGET, "100.00"), paid("p1", "a1", "30201", "60.00"),
                            refunded("r1", "p1", "a1", "30201", "50.00"))
                    .when(new Refund(YEAR_ID, posting("r2"), "p1", Money.parseYuan("10.00")))
                    .expectEvents(refunded("r2", "p1", "a1", "30201", "10.00"));
        }

        @Test
        void refunds_beyond_the_payment_are_rejected() {
            fixture.given(appropriated("a1", Fund.GENERAL_BUDGET, "100.00"), paid("p1", "a1", "30201", "60.00"),
                            refunded("r1", "p1", "a1", "30201", "50.00"))
                    .when(new Refund(YEAR_ID, posting("r2"), "p1", Money.parseYuan("10.01")))
                    .expectNoEvents().expectResultMessagePayloadMatching(rejected(ProblemCode.REFUND_EXCEEDS_PAYMENT));
        }

        @Test
        void a_refund_dated_before_its_payment_is_rejected() {
            fixture.given(appropriated("a1", Fund.GENERAL_BUDGET, "100.00"), paid("p1", "a1", "30201", "60.00"))
                    .when(new Refund(YEAR_ID, new Posting("r1", UNIT, 2023, date().minusDays(1), "clerk", null, null), "p1",
                            Money.parseYuan("1.00")))
                    .expectNoEvents().expectResultMessagePayloadMatching(rejected(ProblemCode.DATE_BEFORE_PAYMENT));
        }

        @Test
        void an_unknown_payment_is_rejected() {
            fixture.given(appropriated("a1", Fund.GENERAL_BUDGET, "100.00"))
                    .when(new Refund(YEAR_ID, posting("r1"), "a1", Money.parseYuan("1.00")))
                    .expectNoEvents().expectResultMessagePayloadMatching(rejected(ProblemCode.UNKNOWN_PAYMENT));
        }

        @Test
        void a_refund_makes_the_money_available_again() {
            fixture.given(appropriated("a1", Fund.GENERAL_BUDGET, "100.00"), paid("p1", "a1", "30201", "100.00"),
                            refunded("r1", "p1", "a1", "30201", "30.00"))
                    .when(pay("p2", "a1", "30201", "30.00"))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayloadMatching(accepted(null));
        }
    }

    @Nested
    class Counterparty {
        @Test
        void a_payment_of_an_internal_kind_carries_its_counterparty_and_so_do_its_refunds() {
            fixture.given(appropriated("s1", Fund.OTHER, Kind.SUBSIDY_AFFILIATE, "100.00"))
                    .when(new Pay(YEAR_ID, posting("p1"), "s1", "39999", Money.parseYuan("60.00"), null, null, "430002"))
                    .expectEvents(new PaymentMade("p1", UNIT, 2023, date(), "clerk", null, null, "s1",
                            LineOrigin.APPROPRIATION, Fund.OTHER, "2140199", Kind.SUBSIDY_AFFILIATE, null, "39999",
                            Money.parseYuan("60.00"), null, null, "430002"));
            fixture.given(appropriated("m1", Fund.BUSINESS, Kind.REMIT_SUPERIOR, "100.00"),
                            new PaymentMade("p1", UNIT, 2023, date(), "clerk", null, null, "m1", LineOrigin.APPROPRIATION,
                                    Fund.BUSINESS, "2140199", Kind.REMIT_SUPERIOR, null, "39999", Money.parseYuan("60.00"),
                                    null, null, "430000"))
                    .when(new Refund(YEAR_ID, posting("r1"), "p1", Money.parseYuan("10.00")))
                    .expectEvents(new PaymentRefunded("r1", UNIT, 2023, date(), "clerk", null, null, "p1", "m1",
                            LineOrigin.APPROPRIATION, Fund.BUSINESS, "2140199", Kind.REMIT_SUPERIOR, null, "39999",
                            Money.parseYuan("10.00"), "430000"));
        }

        @Test
        void a_refund_of_a_payment_found_in_the_store_carries_its_counterparty() {
            AggregateTestFixture<BudgetYear> storeHoldsThePayment = BudgetYearFixture.create(new PaymentMade("p1", UNIT,
                    2023, date(), "clerk", null, null, "s1", LineOrigin.APPROPRIATION, Fund.OTHER, "2140199",
                    Kind.SUBSIDY_AFFILIATE, null, "39999", Money.parseYuan("60.00"), null, null, "430002"));
            // the budget year was loaded from a snapshot taken after the payment: only its line is in memory
            storeHoldsThePayment.given(appropriated("s1", Fund.OTHER, Kind.SUBSIDY_AFFILIATE, "40.00"))
                    .when(new Refund(YEAR_ID, posting("r1"), "p1", Money.parseYuan("10.00")))
                    .expectEvents(new PaymentRefunded("r1", UNIT, 2023, date(), "clerk", null, null, "p1", "s1",
                            LineOrigin.APPROPRIATION, Fund.OTHER, "2140199", Kind.SUBSIDY_AFFILIATE, null, "39999",
                            Money.parseYuan("10.00"), "430002"));
        }

        @Test
        void a_payment_from_a_line_of_another_kind_may_name_no_counterparty() {
            fixture.given(appropriated("a1", Fund.GENERAL_BUDGET, "100.00"))
                    .when(new Pay(YEAR_ID, posting("p1"), "a1", "30201", Money.parseYuan("1.00"), null, null, "430002"))
                    .expectNoEvents().expectResultMessagePayloadMatching(rejected(ProblemCode.VALIDATION_FAILED));
        }

        @Test
        void income_of_another_fund_may_name_no_counterparty() {
            createdAndRejected();
            fixture.givenNoPriorActivity()
                    .when(new Receive(YEAR_ID, posting("i1"), Fund.OTHER, "2140199", Money.parseYuan("1.00"), "430002"))
                    .expectNoEvents().expectResultMessagePayloadMatching(rejected(ProblemCode.VALIDATION_FAILED));
        }

        @Test
        void income_from_the_superior_or_an_affiliate_carries_its_counterparty() {
            fixture.givenNoPriorActivity()
                    .when(new Receive(YEAR_ID, posting("i1"), Fund.SUPERIOR_SUBSIDY, "2140199", Money.parseYuan("1.00"),
                            "430000"))
                    .expectEvents(new IncomeReceived("i1", UNIT, 2023, date(), "clerk", null, null,
                            Fund.SUPERIOR_SUBSIDY, "2140199", Money.parseYuan("1.00"), "430000"));
        }
    }

    @Nested
    class NonFiscalMoney {
        @Test
        void receiving_fiscal_money_is_rejected() {
            createdAndRejected();
            fixture.givenNoPriorActivity()
                    .when(new Receive(YEAR_ID, posting("i1"), Fund.GENERAL_BUDGET, "2140199", Money.parseYuan("1.00"), null))
                    .expectNoEvents().expectResultMessagePayloadMatching(rejected(ProblemCode.INVALID_FUND));
        }

        @Test
        void using_fiscal_reserve_is_rejected() {
            createdAndRejected();
            fixture.givenNoPriorActivity()
                    .when(new UseReserve(YEAR_ID, posting("u1"), Fund.GOV_FUND, "2140199", Money.parseYuan("1.00")))
                    .expectNoEvents().expectResultMessagePayloadMatching(rejected(ProblemCode.INVALID_FUND));
        }

        @Test
        void distributing_more_than_the_balance_is_rejected() {
            fixture.given(received("i1", "100.00"), new ReserveUsed("u1", UNIT, 2023, date(), "clerk", null, null,
                            Fund.OTHER, "2140199", Money.parseYuan("20.00")))
                    .when(new DistributeSurplus(YEAR_ID, posting("d1"), Fund.OTHER, "2140199", Money.parseYuan("120.01")))
                    .expectNoEvents().expectResultMessagePayloadMatching(rejected(ProblemCode.INSUFFICIENT_BALANCE));
        }

        @Test
        void distributing_the_whole_balance_is_accepted() {
            fixture.given(received("i1", "100.00"))
                    .when(new DistributeSurplus(YEAR_ID, posting("d1"), Fund.OTHER, "2140199", Money.parseYuan("100.00")))
                    .expectEvents(new SurplusDistributed("d1", UNIT, 2023, date(), "clerk", null, null, Fund.OTHER,
                            "2140199", Money.parseYuan("100.00")));
        }
    }

    @Nested
    class ThreePublic {
        @Test
        void a_fiscal_reception_payment_without_a_limit_is_rejected() {
            fixture.given(appropriated("a1", Fund.GENERAL_BUDGET, "100.00"))
                    .when(pay("p1", "a1", "30217", "0.01"))
                    .expectNoEvents().expectResultMessagePayloadMatching(rejected(ProblemCode.THREE_PUBLIC_LIMIT_EXCEEDED));
        }

        @Test
        void payments_up_to_the_limit_across_lines_are_accepted_and_beyond_rejected() {
            fixture.given(appropriated("a1", Fund.GENERAL_BUDGET, "100.00"), appropriated("a2", Fund.GENERAL_BUDGET, "100.00"),
                            limit("l1", ThreePublicCategory.VEHICLE_OPERATION, "36.00"), paid("p1", "a1", "30231", "30.00"))
                    .when(pay("p2", "a2", "30231", "6.01"))
                    .expectNoEvents().expectResultMessagePayloadMatching(rejected(ProblemCode.THREE_PUBLIC_LIMIT_EXCEEDED));
        }

        @Test
        void refunds_give_the_limit_back() {
            fixture.given(appropriated("a1", Fund.GENERAL_BUDGET, "100.00"), limit("l1", ThreePublicCategory.RECEPTION, "10.00"),
                            paid("p1", "a1", "30217", "10.00"), refunded("r1", "p1", "a1", "30217", "4.00"))
                    .when(pay("p2", "a1", "30217", "4.00"))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayloadMatching(accepted(null));
        }

        @Test
        void non_fiscal_money_is_not_limited() {
            fixture.given(appropriated("a1", Fund.OTHER, "100.00"))
                    .when(pay("p1", "a1", "30217", "50.00"))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayloadMatching(accepted(null));
        }

        @Test
        void a_limit_below_what_was_spent_is_rejected() {
            fixture.given(appropriated("a1", Fund.GENERAL_BUDGET, "100.00"), limit("l1", ThreePublicCategory.ABROAD, "10.00"),
                            paid("p1", "a1", "30212", "8.00"))
                    .when(new SetLimit(YEAR_ID, posting("l2"), ThreePublicCategory.ABROAD, Money.parseYuan("7.99")))
                    .expectNoEvents().expectResultMessagePayloadMatching(rejected(ProblemCode.LIMIT_BELOW_SPENDING));
        }
    }

    /** At most 10,000,000,000,000.00 元 (10 万亿元) of amounts per unit-year, each counted positive. */
    @Nested
    class AmountLimit {
        @Test
        void amounts_up_to_the_unit_years_limit_are_accepted() {
            fixture.given(appropriated("a1", Fund.GENERAL_BUDGET, "9999999999999.00"), received("r1", "0.99"))
                    .when(new Receive(YEAR_ID, posting("r2"), Fund.OTHER, "2140199", Money.parseYuan("0.01"), null))
                    .expectEvents(received("r2", "0.01"));
        }

        @Test
        void one_fen_beyond_the_limit_is_rejected() {
            fixture.given(appropriated("a1", Fund.GENERAL_BUDGET, "9999999999999.00"), received("r1", "1.00"))
                    .when(new Receive(YEAR_ID, posting("r2"), Fund.OTHER, "2140199", Money.parseYuan("0.01"), null))
                    .expectNoEvents().expectResultMessagePayloadMatching(rejected(ProblemCode.AMOUNT_LIMIT_EXCEEDED));
        }

        @Test
        void a_single_amount_beyond_the_limit_is_rejected() {
            createdAndRejected();
            fixture.givenNoPriorActivity()
                    .when(new Appropriate(YEAR_ID, posting("a1"), Fund.GENERAL_BUDGET, "2140199", Kind.BASIC, null, null,
                            Money.parseYuan("999999999999999.99")))
                    .expectNoEvents().expectResultMessagePayloadMatching(rejected(ProblemCode.AMOUNT_LIMIT_EXCEEDED));
        }

        @Test
        void cuts_count_as_much_as_increases() {
            fixture.given(appropriated("a1", Fund.GENERAL_BUDGET, "9999999999000.00"), adjusted("j1", "a1", "-500.00"))
                    .when(new Adjust(YEAR_ID, posting("j2"), "a1", Money.parseYuan("500.01"), "追加"))
                    .expectNoEvents().expectResultMessagePayloadMatching(rejected(ProblemCode.AMOUNT_LIMIT_EXCEEDED));
        }

        @Test
        void payments_and_refunds_count_too() {
            fixture.given(appropriated("a1", Fund.GENERAL_BUDGET, "4999999999999.00"),
                            paid("p1", "a1", "30201", "4999999999999.00"), refunded("r1", "p1", "a1", "30201", "1.00"))
                    .when(pay("p2", "a1", "30201", "1.01"))
                    .expectNoEvents().expectResultMessagePayloadMatching(rejected(ProblemCode.AMOUNT_LIMIT_EXCEEDED));
        }

        @Test
        void a_three_public_limit_beyond_the_unit_years_limit_is_rejected() {
            createdAndRejected();
            fixture.givenNoPriorActivity()
                    .when(new SetLimit(YEAR_ID, posting("l1"), ThreePublicCategory.ABROAD,
                            Money.parseYuan("10000000000000.01")))
                    .expectNoEvents().expectResultMessagePayloadMatching(rejected(ProblemCode.AMOUNT_LIMIT_EXCEEDED));
        }
    }

    @Nested
    class YearEnd {
        @Test
        void nothing_is_posted_into_a_closed_year() {
            fixture.given(appropriated("a1", Fund.GENERAL_BUDGET, "100.00"),
                            new YearClosed("c", UNIT, 2023, LocalDate.of(2023, 12, 31), "admin", null, null))
                    .when(pay("p1", "a1", "30201", "1.00"))
                    .expectNoEvents().expectResultMessagePayloadMatching(rejected(ProblemCode.YEAR_CLOSED));
        }

        @Test
        void no_opening_balance_after_a_carry_over_came_in() {
            fixture.given(carriedIn("c1", "5.00"))
                    .when(new RecordOpeningBalance(YEAR_ID, posting("o1"), Fund.OTHER, "2140199", null, null, null,
                            Money.parseYuan("1.00")))
                    .expectNoEvents().expectResultMessagePayloadMatching(rejected(ProblemCode.OPENING_CONFLICT));
        }

        @Test
        void a_payment_from_a_carried_in_line_is_accepted() {
            fixture.given(carriedIn("c1", "5.00"))
                    .when(pay("p1", "c1", "30201", "5.00"))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayloadMatching(accepted(null));
        }
    }

    /**
     * The command creates its budget year and is rejected: the year holds no event then, so the fixture cannot
     * source it again to compare (Axon keeps it, empty, in its cache), and must not try.
     */
    private void createdAndRejected() {
        fixture.setReportIllegalStateChange(false);
    }

    private static LocalDate date() {
        return LocalDate.of(2023, 6, 1);
    }

    private static Posting posting(String id) {
        return new Posting(id, UNIT, 2023, date(), "clerk", null, null);
    }

    private static Pay pay(String id, String line, String economic, String amount) {
        return new Pay(YEAR_ID, posting(id), line, economic, Money.parseYuan(amount), null, null, null);
    }

    private static BudgetAppropriated appropriated(String id, Fund fund, String amount) {
        return new BudgetAppropriated(id, UNIT, 2023, LocalDate.of(2023, 1, 10), "clerk", null, null, id, fund,
                "2140199", Kind.BASIC, null, null, Money.parseYuan(amount));
    }

    private static BudgetAppropriated appropriated(String id, Fund fund, Kind kind, String amount) {
        return new BudgetAppropriated(id, UNIT, 2023, LocalDate.of(2023, 1, 10), "clerk", null, null, id, fund,
                "2140199", kind, null, null, Money.parseYuan(amount));
    }

    private static BudgetAdjusted adjusted(String id, String line, String amount) {
        return new BudgetAdjusted(id, UNIT, 2023, date(), "clerk", null, null, line, Fund.GENERAL_BUDGET, "2140199",
                Kind.BASIC, null, Money.parseYuan(amount), "调整");
    }

    private static OpeningBalanceRecorded opening(String id, Fund fund, String amount) {
        return new OpeningBalanceRecorded(id, UNIT, 2023, LocalDate.of(2023, 1, 1), "clerk", null, null, fund,
                "2140199", Kind.BASIC, null, null, Money.parseYuan(amount), fund.isFiscal() ? id : null);
    }

    private static BalancesCarriedIn carriedIn(String lineId, String amount) {
        return new BalancesCarriedIn("co", UNIT, 2023, LocalDate.of(2023, 1, 1), "admin", null, null, 2022,
                List.of(new org.budgetledger.contracts.events.CarriedLine(lineId, "x", Fund.GENERAL_BUDGET, "2140199",
                        Kind.BASIC, null, null, Money.parseYuan(amount))), List.of());
    }

    private static PaymentMade paid(String id, String line, String economic, String amount) {
        return new PaymentMade(id, UNIT, 2023, date(), "clerk", null, null, line, LineOrigin.APPROPRIATION, Fund.GENERAL_BUDGET, "2140199",
                Kind.BASIC, null, economic, Money.parseYuan(amount), null, null);
    }

    private static PaymentRefunded refunded(String id, String payment, String line, String economic, String amount) {
        return new PaymentRefunded(id, UNIT, 2023, date(), "clerk", null, null, payment, line, LineOrigin.APPROPRIATION, Fund.GENERAL_BUDGET,
                "2140199", Kind.BASIC, null, economic, Money.parseYuan(amount));
    }

    private static IncomeReceived received(String id, String amount) {
        return new IncomeReceived(id, UNIT, 2023, date(), "clerk", null, null, Fund.OTHER, "2140199",
                Money.parseYuan(amount));
    }

    private static ThreePublicLimitSet limit(String id, ThreePublicCategory category, String amount) {
        return new ThreePublicLimitSet(id, UNIT, 2023, LocalDate.of(2023, 1, 1), "admin", null, null, category,
                Money.parseYuan(amount));
    }
}
