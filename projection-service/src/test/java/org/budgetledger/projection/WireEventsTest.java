package org.budgetledger.projection;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.budgetledger.contracts.wire.EventValueReader;
import org.budgetledger.projection.readmodel.ReadModelWriter.Delivered;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A record's value reads as the same envelope and event whatever the order of its fields. */
class WireEventsTest {

    private final EventValueReader wireEvents = new EventValueReader(WireFormat.JSON);

    @Test
    void every_event_of_a_random_history_reads_back_whether_the_envelope_comes_first_last_or_between() throws Exception {
        List<Delivered> history = RandomHistories.of("WE1", 5, 1_000, 200);
        for (Delivered delivered : history) {
            ObjectNode asPublished = WireFormat.value(delivered.envelope(), delivered.event());
            ObjectNode envelopeLast = WireFormat.JSON.createObjectNode();
            asPublished.properties().stream().skip(4).forEach(field -> envelopeLast.set(field.getKey(), field.getValue()));
            asPublished.properties().stream().limit(4).forEach(field -> envelopeLast.set(field.getKey(), field.getValue()));
            ObjectNode envelopeBetween = WireFormat.JSON.createObjectNode();
            asPublished.properties().stream().limit(2).forEach(field -> envelopeBetween.set(field.getKey(), field.getValue()));
            envelopeBetween.put("previousHash", "0".repeat(64));
            asPublished.properties().stream().skip(2).forEach(field -> envelopeBetween.set(field.getKey(), field.getValue()));
            for (ObjectNode value : List.of(asPublished, envelopeLast, envelopeBetween)) {
                assertThat(wireEvents.read(WireFormat.JSON.writeValueAsBytes(value), Delivered::new)).as(value.toString()).isEqualTo(delivered);
            }
        }
    }

    @Test
    void a_value_that_is_not_a_known_event_is_unreadable_and_says_why() {
        assertThatThrownBy(() -> wireEvents.read("[1, 2]".getBytes(StandardCharsets.UTF_8), Delivered::new))
                .isInstanceOf(EventValueReader.Unreadable.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> wireEvents.read("""
                {"eventId": "e", "sequence": 1, "type": "BudgetVanished", "recordedAt": "2023-01-01T00:00:00Z", "unit": "U"}"""
                .getBytes(StandardCharsets.UTF_8), Delivered::new))
                .isInstanceOf(EventValueReader.Unreadable.class).hasMessageContaining("unknown event type BudgetVanished");
        assertThatThrownBy(() -> wireEvents.read("""
                {"eventId": "e", "sequence": 1, "type": "PaymentMade", "recordedAt": "2023-01-01T00:00:00Z"}"""
                .getBytes(StandardCharsets.UTF_8), Delivered::new))
                .isInstanceOf(EventValueReader.Unreadable.class).hasMessageContaining("no event fields");
        assertThatThrownBy(() -> wireEvents.read("{\"eventId\": ".getBytes(StandardCharsets.UTF_8), Delivered::new))
                .isInstanceOf(EventValueReader.Unreadable.class);
    }

    @Test
    void recording_times_read_as_the_general_parser_reads_them() {
        java.util.Random random = new java.util.Random(11);
        for (int n = 0; n < 10_000; n++) {
            java.time.Instant instant = java.time.Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 250_000_000_000L),
                    switch (n % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1_000;
                        default -> random.nextInt(1_000_000_000);
                    });
            assertThat(EventValueReader.instant(instant.toString())).isEqualTo(instant);
        }
        for (String text : List.of("2023-05-01T08:30:00.1Z", "2023-12-31T23:59:59.999999999Z", "2023-06-30T23:59:60Z",
                "+12023-05-01T08:30:00Z", "2023-05-01T08:30:00+08:00", "2023-05-01T08:30:00.Z")) {
            assertThat(EventValueReader.instant(text)).as(text).isEqualTo(java.time.Instant.parse(text));
        }
        for (String text : List.of("2023-02-30T08:30:00Z", "2023-05-01T24:30:00Z", "2023-05-01T08:3a:00Z",
                "2023-05-01 08:30:00Z", "")) {
            assertThatThrownBy(() -> EventValueReader.instant(text)).as(text).isInstanceOf(java.time.format.DateTimeParseException.class);
        }
    }
}
