package org.budgetledger.embedded;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.PrimitiveIterator;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The operating system may offer the port it offered a moment ago once the probing socket is closed; CI once saw
 * the embedded broker told to listen and be controller on one port, chosen by two calls in two processes.
 * Each test keeps its own record of the ports handed out: the fake ports here must not stay in the process's record,
 * where a real port of the same number would later be refused.
 */
class FreePortsTest {

    @Test
    void a_port_already_taken_by_the_caller_is_never_offered_again() {
        PrimitiveIterator.OfInt offered = IntStream.of(41_000, 41_000, 41_001).iterator();

        assertThat(FreePorts.nextExcept(Set.of(41_000), offered::nextInt, new HashSet<>())).isEqualTo(41_001);
    }

    @Test
    void one_process_is_never_handed_the_same_port_twice() {
        PrimitiveIterator.OfInt offered = IntStream.of(42_000, 42_000, 42_000, 42_001).iterator();
        Set<Integer> handedOut = new HashSet<>();

        int first = FreePorts.nextExcept(Set.of(), offered::nextInt, handedOut);
        int second = FreePorts.nextExcept(Set.of(), offered::nextInt, handedOut);

        assertThat(first).isEqualTo(42_000);
        assertThat(second).isEqualTo(42_001);
    }

    @Test
    void a_port_handed_out_is_remembered_only_in_the_record_it_was_handed_out_from() {
        Set<Integer> oneRecord = new HashSet<>();
        Set<Integer> anotherRecord = new HashSet<>();

        FreePorts.nextExcept(Set.of(), () -> 44_000, oneRecord);

        assertThat(FreePorts.nextExcept(Set.of(), () -> 44_000, anotherRecord)).isEqualTo(44_000);
        assertThat(oneRecord).containsExactly(44_000);
    }

    @Test
    void an_operating_system_that_offers_only_taken_ports_is_a_clear_error() {
        assertThatThrownBy(() -> FreePorts.nextExcept(Set.of(43_000), () -> 43_000, new HashSet<>()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("43000");
    }

    @Test
    void real_ports_are_distinct_and_bindable() {
        int first = FreePorts.next();
        int second = FreePorts.next();

        assertThat(first).isNotEqualTo(second).isBetween(1, 65_535);
    }
}
