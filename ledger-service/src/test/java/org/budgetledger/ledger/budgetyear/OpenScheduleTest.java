package org.budgetledger.ledger.budgetyear;

import org.budgetledger.contracts.events.ScheduledPayment;
import org.budgetledger.contracts.money.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §14: payments under a commitment use its scheduled payments earliest first; a partial release removes the latest. */
class OpenScheduleTest {

    private static final List<ScheduledPayment> SCHEDULE = List.of(scheduled("2023-03-31", 100_00),
            scheduled("2023-06-30", 200_00), scheduled("2023-09-30", 300_00), scheduled("2023-12-20", 400_00));

    @Test
    void payments_use_the_earliest_scheduled_payments_first() {
        assertThat(OpenSchedule.of(SCHEDULE, 150_00, 0)).containsExactly(scheduled("2023-06-30", 150_00),
                scheduled("2023-09-30", 300_00), scheduled("2023-12-20", 400_00));
    }

    @Test
    void a_release_removes_the_latest_scheduled_payments() {
        assertThat(OpenSchedule.of(SCHEDULE, 0, 450_00)).containsExactly(scheduled("2023-03-31", 100_00),
                scheduled("2023-06-30", 200_00), scheduled("2023-09-30", 250_00));
    }

    @Test
    void payments_and_releases_together_leave_what_lies_between() {
        assertThat(OpenSchedule.of(SCHEDULE, 250_00, 550_00)).containsExactly(scheduled("2023-06-30", 50_00),
                scheduled("2023-09-30", 150_00));
        assertThat(OpenSchedule.of(SCHEDULE, 400_00, 600_00)).isEmpty();
        assertThat(OpenSchedule.of(List.of(), 100, 0)).isEmpty();
    }

    @Test
    void a_carry_over_moves_what_was_due_in_the_closed_year_to_the_first_of_january() {
        List<ScheduledPayment> open = List.of(scheduled("2023-09-30", 300_00), scheduled("2023-12-20", 400_00),
                scheduled("2024-03-31", 500_00));
        assertThat(OpenSchedule.carriedInto(2024, open)).containsExactly(scheduled("2024-01-01", 700_00),
                scheduled("2024-03-31", 500_00));
        assertThat(OpenSchedule.carriedInto(2024, List.of())).isEmpty();
    }

    private static ScheduledPayment scheduled(String date, long amountFen) {
        return new ScheduledPayment(LocalDate.parse(date), Money.ofFen(amountFen));
    }
}
