package org.budgetledger.embedded;

import org.junit.jupiter.api.Test;

import java.util.PrimitiveIterator;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The operating system may offer the port it offered a moment ago once the probing socket is closed; CI once saw
 * the embedded broker told to listen and be controller on one port, chosen by two calls in two processes.
 */
class FreePortsTest {

    @Test
    void a_port_already_taken_by_the_caller_is_never_offered_again() {
        PrimitiveIterator.OfInt offered = IntStream.of(41_000, 41_000, 41_001).iterator();

        assertThat(FreePorts.nextExcept(Set.of(41_000), offered::nextInt)).isEqualTo(41_001);
    }

    @Test
    void one_process_is_never_handed_the_same_port_twice() {
        PrimitiveIterator.OfInt offered = IntStream.of(42_000, 42_000, 42_000, 42_001).iterator();

        int first = FreePorts.nextExcept(Set.of(), offered::nextInt);
        int second = FreePorts.nextExcept(Set.of(), offered::nextInt);

        assertThat(first).isEqualTo(42_000);
        assertThat(second).isEqualTo(42_001);
    }

    @Test
    void an_operating_system_that_offers_only_taken_ports_is_a_clear_error() {
        assertThatThrownBy(() -> FreePorts.nextExcept(Set.of(43_000), () -> 43_000))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("43000");
    }

    @Test
    void real_ports_are_distinct_and_bindable() {
        int first = FreePorts.next();
        int second = FreePorts.next();

        assertThat(first).isNotEqualTo(second).isBetween(1, 65_535);
    }
}
