package org.budgetledger.contracts.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventSchemasTest {

    @Test
    void every_event_type_has_a_json_schema() {
        for (String name : org.budgetledger.contracts.wire.EventTypes.names()) {
            assertThat(getClass().getResource("/schemas/events/" + name + ".schema.json")).as(name).isNotNull();
        }
    }
}
