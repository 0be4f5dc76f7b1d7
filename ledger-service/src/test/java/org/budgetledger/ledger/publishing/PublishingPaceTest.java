package org.budgetledger.ledger.publishing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Under load the publisher gathers the events of several posting groups into one round; idle or behind, it does not wait. */
class PublishingPaceTest {

    private final PublishingPace pace = new PublishingPace(20, 10, 1000);

    @Test
    void a_round_that_found_nothing_waits_the_idle_poll() {
        assertThat(pace.pauseMillisAfter(0, 1)).isEqualTo(20);
    }

    @Test
    void a_round_that_found_a_few_events_waits_until_the_gathering_time_from_its_start_is_over() {
        assertThat(pace.pauseMillisAfter(1, 3)).isEqualTo(7);
        assertThat(pace.pauseMillisAfter(999, 0)).isEqualTo(10);
    }

    @Test
    void a_round_that_took_the_gathering_time_or_longer_is_followed_at_once() {
        assertThat(pace.pauseMillisAfter(40, 10)).isZero();
        assertThat(pace.pauseMillisAfter(40, 250)).isZero();
    }

    @Test
    void a_full_round_is_followed_at_once_while_the_publisher_is_behind() {
        assertThat(pace.pauseMillisAfter(1000, 0)).isZero();
    }

    @Test
    void no_gathering_time_publishes_round_after_round_as_before() {
        PublishingPace eager = new PublishingPace(20, 0, 1000);

        assertThat(eager.pauseMillisAfter(5, 0)).isZero();
        assertThat(eager.pauseMillisAfter(0, 0)).isEqualTo(20);
    }
}
