package org.budgetledger.ledger.budgetyear;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.contracts.codes.ThreePublicCategory;
import org.budgetledger.contracts.events.BudgetAppropriated;
import org.budgetledger.contracts.events.CommitmentMade;
import org.budgetledger.contracts.events.CommitmentReleased;
import org.budgetledger.contracts.events.PaymentMade;
import org.budgetledger.contracts.events.PaymentRefunded;
import org.budgetledger.contracts.events.ScheduledPayment;
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

/** One test per rule of SPEC §14 that the budget year decides, each on both sides of the rule. */
class CommitmentRulesTest {

    private static final String UNIT = "430001";
    private static final String YEAR_ID = BudgetYearId.of(UNIT, 2023);

    private AggregateTestFixture<BudgetYear> fixture;

    @BeforeEach
    void setUp() {
        fixture = BudgetYearFixture.create();
    }

    @Nested
    class Commit_ {
        @Test
        void a_commitment_within_what_is_available_is_made_with_the_line_s_dimensions() {
            List<ScheduledPayment> schedule = List.of(scheduled("2023-07-01", "40.00"), scheduled("2023-12-01", "60.00"));
            fixture.given(appropriated("a1", "100.00"))
                    .when(new Commit(YEAR_ID, posting("k1"), "a1", Money.parseYuan("100.00"), "HT-1", "某公司", schedule))
                    .expectEvents(new CommitmentMade("k1", UNIT, 2023, date(), "clerk", null, null, "a1",
                            LineOrigin.APPROPRIATION, Fund.GENERAL_BUDGET, "2140199", Kind.BASIC, null,
                            Money.parseYuan("100.00"), "HT-1", "某公司", schedule));
        }

        @Test
        void a_commitment_beyond_what_is_available_counting_other_commitments_and_payments_is_rejected() {
            fixture.given(appropriated("a1", "100.00"), paid("p1", "a1", "30.00"), made("k1", "a1", "50.00"))
                    .when(commit("k2", "a1", "20.01"))
                    .expectNoEvents().expectResultMessagePayloadMatching(rejected(ProblemCode.INSUFFICIENT_BALANCE));
            fixture.given(appropriated("a1", "100.00"), paid("p1", "a1", "30.00"), made("k1", "a1", "50.00"))
                    .when(commit("k2", "a1", "20.00"))
                    .expectSuccessfulHandlerExecution().expectResultMessagePayloadMatching(accepted(null));
        }

        @Test
        void a_commitment_dated_before_its_line_or_of_an_unknown_line_or_in_a_closed_year_is_rejected() {
            fixture.given(appropriated("a1", "100.00"))
                    .when(new Commit(YEAR_ID, new Posting("k1", UNIT, 2023, LocalDate.of(2023, 1, 9), "clerk", null, null),
                            "a1", Money.parseYuan("1.00"), null, null, List.of()))
                    .expectNoEvents().expectResultMessagePayloadMatching(rejected(ProblemCode.DATE_BEFORE_LINE));
            fixture.given(appropriated("a1", "100.00"))
                    .when(commit("k1", "a9", "1.00"))
                    .expectNoEvents().expectResultMessagePayloadMatching(rejected(ProblemCode.UNKNOWN_LINE));
            fixture.given(appropriated("a1", "100.00"), new YearClosed("c1", UNIT, 2023, LocalDate.of(2023, 12, 31), "admin", null, null))
                    .when(commit("k1", "a1", "1.00"))
                    .expectNoEvents().expectResultMessagePayloadMatching(rejected(ProblemCode.YEAR_CLOSED));
        }
    }

    @Nested
    class Pay_ {
        @Test
        void a_payment_without_a_commitment_cannot_spend_committed_money() {
            fixture.given(appropriated("a1", "100.00"), made("k1", "a1", "70.00"))
                    .when(pay("p1", "a1", "30.01", null))
                    .expectNoEvents().expectResultMessagePayloadMatching(rejected(ProblemCode.INSUFFICIENT_BALANCE));
        }

        @Test
        void a_payment_under_a_commitment_spends_what_it_reserved_though_nothing_else_is_available() {
            fixture.given(appropriated("a1", "100.00"), made("k1", "a1", "70.00"), paid("p0", "a1", "30.00"))
                    .when(pay("p1", "a1", "70.00", "k1"))
                    .expectEvents(new PaymentMade("p1", UNIT, 2023, date(), "clerk", null, null, "a1",
                            LineOrigin.APPROPRIATION, Fund.GENERAL_BUDGET, "2140199", Kind.BASIC, null, "30201",
                            Money.parseYuan("70.00"), null, null, null, "k1", null, null));
        }

        @Test
        void a_payment_beyond_what_is_open_of_its_commitment_is_rejected() {
            fixture.given(appropriated("a1", "100.00"), made("k1", "a1", "70.00"), paidUnder("p1", "a1", "50.00", "k1"),
                            released("k1-r", "k1", "a1", "10.00"))
                    .when(pay("p2", "a1", "10.01", "k1"))
                    .expectNoEvents().expectResultMessagePayloadMatching(rejected(ProblemCode.COMMITMENT_EXCEEDED));
            fixture.given(appropriated("a1", "100.00"), made("k1", "a1", "70.00"), paidUnder("p1", "a1", "50.00", "k1"),
                            released("k1-r", "k1", "a1", "10.00"))
                    .when(pay("p2", "a1", "10.00", "k1"))
                    .expectSuccessfulHandlerExecution().expectResultMessagePayloadMatching(accepted(null));
        }

        @Test
        void an_unknown_commitment_or_one_of_another_line_is_rejected() {
            fixture.given(appropriated("a1", "100.00"), appropriated("a2", "100.00"), made("k1", "a1", "70.00"))
                    .when(pay("p1", "a1", "1.00", "k9"))
                    .expectNoEvents().expectResultMessagePayloadMatching(rejected(ProblemCode.UNKNOWN_COMMITMENT));
            fixture.given(appropriated("a1", "100.00"), appropriated("a2", "100.00"), made("k1", "a1", "70.00"))
                    .when(pay("p1", "a2", "1.00", "k1"))
                    .expectNoEvents().expectResultMessagePayloadMatching(rejected(ProblemCode.COMMITMENT_MISMATCH));
        }

        @Test
        void a_payment_dated_before_its_commitment_is_rejected() {
            fixture.given(appropriated("a1", "100.00"), made("k1", "a1", "70.00"))
                    .when(new Pay(YEAR_ID, new Posting("p1", UNIT, 2023, date().minusDays(1), "clerk", null, null), "a1",
                            "30201", Money.parseYuan("1.00"), null, null, null, "k1"))
                    .expectNoEvents().expectResultMessagePayloadMatching(rejected(ProblemCode.DATE_BEFORE_COMMITMENT));
        }

        @Test
        void a_payment_under_a_commitment_keeps_to_the_three_public_limit() {
            fixture.given(appropriated("a1", "100.00"), limit("30.00"), made("k1", "a1", "70.00"))
                    .when(new Pay(YEAR_ID, posting("p1"), "a1", "30217", Money.parseYuan("30.01"), null, null, null, "k1"))
                    .expectNoEvents().expectResultMessagePayloadMatching(rejected(ProblemCode.THREE_PUBLIC_LIMIT_EXCEEDED));
        }

        @Test
        void a_refund_of_a_payment_under_a_commitment_returns_the_money_to_the_line_not_to_the_commitment() {
            fixture.given(appropriated("a1", "100.00"), made("k1", "a1", "100.00"), paidUnder("p1", "a1", "100.00", "k1"),
                            refunded("r1", "p1", "a1", "40.00"))
                    .when(pay("p2", "a1", "40.00", null))
                    .expectSuccessfulHandlerExecution().expectResultMessagePayloadMatching(accepted(null));
            fixture.given(appropriated("a1", "100.00"), made("k1", "a1", "100.00"), paidUnder("p1", "a1", "100.00", "k1"),
                            refunded("r1", "p1", "a1", "40.00"))
                    .when(pay("p2", "a1", "0.01", "k1"))
                    .expectNoEvents().expectResultMessagePayloadMatching(rejected(ProblemCode.COMMITMENT_EXCEEDED));
        }
    }

    @Nested
    class Release_ {
        @Test
        void a_release_without_an_amount_releases_all_that_is_open() {
            fixture.given(appropriated("a1", "100.00"), made("k1", "a1", "70.00"), paidUnder("p1", "a1", "20.00", "k1"))
                    .when(new Release(YEAR_ID, posting("k1-r"), "k1", null))
                    .expectEvents(released("k1-r", "k1", "a1", "50.00"));
        }

        @Test
        void a_release_beyond_what_is_open_or_of_a_commitment_with_nothing_open_is_rejected() {
            fixture.given(appropriated("a1", "100.00"), made("k1", "a1", "70.00"), paidUnder("p1", "a1", "20.00", "k1"))
                    .when(new Release(YEAR_ID, posting("k1-r"), "k1", Money.parseYuan("50.01")))
                    .expectNoEvents().expectResultMessagePayloadMatching(rejected(ProblemCode.COMMITMENT_EXCEEDED));
            fixture.given(appropriated("a1", "100.00"), made("k1", "a1", "70.00"), paidUnder("p1", "a1", "70.00", "k1"))
                    .when(new Release(YEAR_ID, posting("k1-r"), "k1", null))
                    .expectNoEvents().expectResultMessagePayloadMatching(rejected(ProblemCode.COMMITMENT_EXCEEDED));
        }

        @Test
        void a_release_of_an_unknown_commitment_or_dated_before_it_is_rejected() {
            fixture.given(appropriated("a1", "100.00"), made("k1", "a1", "70.00"))
                    .when(new Release(YEAR_ID, posting("k1-r"), "k2", null))
                    .expectNoEvents().expectResultMessagePayloadMatching(rejected(ProblemCode.UNKNOWN_COMMITMENT));
            fixture.given(appropriated("a1", "100.00"), made("k1", "a1", "70.00"))
                    .when(new Release(YEAR_ID, new Posting("k1-r", UNIT, 2023, date().minusDays(1), "clerk", null, null),
                            "k1", null))
                    .expectNoEvents().expectResultMessagePayloadMatching(rejected(ProblemCode.DATE_BEFORE_COMMITMENT));
        }

        @Test
        void released_money_is_available_again() {
            fixture.given(appropriated("a1", "100.00"), made("k1", "a1", "100.00"), released("k1-r", "k1", "a1", "25.00"))
                    .when(pay("p1", "a1", "25.00", null))
                    .expectSuccessfulHandlerExecution().expectResultMessagePayloadMatching(accepted(null));
        }
    }

    @Nested
    class BudgetChanges {
        @Test
        void a_cut_or_a_transfer_may_not_take_committed_money() {
            fixture.given(appropriated("a1", "100.00"), paid("p1", "a1", "30.00"), made("k1", "a1", "50.00"))
                    .when(new Adjust(YEAR_ID, posting("j1"), "a1", Money.parseYuan("-20.01"), "调减"))
                    .expectNoEvents().expectResultMessagePayloadMatching(rejected(ProblemCode.INSUFFICIENT_BALANCE));
            fixture.given(appropriated("a1", "100.00"), appropriated("a2", "1.00"), made("k1", "a1", "80.00"))
                    .when(new Transfer(YEAR_ID, posting("t1"), "a1", "a2", Money.parseYuan("20.01"), "调剂"))
                    .expectNoEvents().expectResultMessagePayloadMatching(rejected(ProblemCode.INSUFFICIENT_BALANCE));
            fixture.given(appropriated("a1", "100.00"), appropriated("a2", "1.00"), made("k1", "a1", "80.00"))
                    .when(new Transfer(YEAR_ID, posting("t1"), "a1", "a2", Money.parseYuan("20.00"), "调剂"))
                    .expectSuccessfulHandlerExecution().expectResultMessagePayloadMatching(accepted(null));
        }
    }

    private static LocalDate date() {
        return LocalDate.of(2023, 6, 1);
    }

    private static Posting posting(String id) {
        return new Posting(id, UNIT, 2023, date(), "clerk", null, null);
    }

    private static ScheduledPayment scheduled(String date, String amount) {
        return new ScheduledPayment(LocalDate.parse(date), Money.parseYuan(amount));
    }

    private static Commit commit(String id, String line, String amount) {
        return new Commit(YEAR_ID, posting(id), line, Money.parseYuan(amount), null, null, List.of());
    }

    private static Pay pay(String id, String line, String amount, String commitment) {
        return new Pay(YEAR_ID, posting(id), line, "30201", Money.parseYuan(amount), null, null, null, commitment);
    }

    private static BudgetAppropriated appropriated(String id, String amount) {
        return new BudgetAppropriated(id, UNIT, 2023, LocalDate.of(2023, 1, 10), "clerk", null, null, id,
                Fund.GENERAL_BUDGET, "2140199", Kind.BASIC, null, null, Money.parseYuan(amount));
    }

    private static CommitmentMade made(String id, String line, String amount) {
        return new CommitmentMade(id, UNIT, 2023, date(), "clerk", null, null, line, LineOrigin.APPROPRIATION,
                Fund.GENERAL_BUDGET, "2140199", Kind.BASIC, null, Money.parseYuan(amount), null, null, List.of());
    }

    private static CommitmentReleased released(String id, String commitment, String line, String amount) {
        return new CommitmentReleased(id, UNIT, 2023, date(), "clerk", null, null, commitment, line,
                LineOrigin.APPROPRIATION, Fund.GENERAL_BUDGET, "2140199", Kind.BASIC, null, Money.parseYuan(amount));
    }

    private static PaymentMade paid(String id, String line, String amount) {
        return paidUnder(id, line, amount, null);
    }

    private static PaymentMade paidUnder(String id, String line, String amount, String commitment) {
        return new PaymentMade(id, UNIT, 2023, date(), "clerk", null, null, line, LineOrigin.APPROPRIATION,
                Fund.GENERAL_BUDGET, "2140199", Kind.BASIC, null, "30201", Money.parseYuan(amount), null, null, null,
                commitment, null, null);
    }

    private static PaymentRefunded refunded(String id, String payment, String line, String amount) {
        return new PaymentRefunded(id, UNIT, 2023, date(), "clerk", null, null, payment, line, LineOrigin.APPROPRIATION,
                Fund.GENERAL_BUDGET, "2140199", Kind.BASIC, null, "30201", Money.parseYuan(amount));
    }

    private static ThreePublicLimitSet limit(String amount) {
        return new ThreePublicLimitSet("l1", UNIT, 2023, LocalDate.of(2023, 1, 1), "admin", null, null,
                ThreePublicCategory.RECEPTION, Money.parseYuan(amount));
    }
}
