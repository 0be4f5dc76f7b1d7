package org.budgetledger.contracts.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.budgetledger.contracts.codes.CatalogKind;
import org.budgetledger.contracts.codes.CodeLevel;
import org.budgetledger.contracts.wire.EventRecords;
import org.budgetledger.contracts.wire.EventTypes;
import org.budgetledger.contracts.wire.EventValueReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event type has a version, and the one that changed shape (CatalogCodeAdded, version 2: its code's level) still
 * reads at version 1 — stored bytes and topic values as they were written — through its upcaster, which derives what
 * version 1 left out; a value already at version 2 goes through it unchanged.
 */
class EventVersionsTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    /** A CatalogCodeAdded exactly as version 1 stored it. */
    private static final String STORED_V1 = "{\"catalog\":\"SUBJECTS\",\"code\":\"21401\",\"name\":\"交通运输\",\"principal\":\"admin\"}";

    @Test
    void every_type_has_a_version_and_catalog_code_added_is_at_two() {
        for (String name : EventTypes.names()) {
            assertThat(EventVersions.current(name)).as(name).isEqualTo(name.equals("CatalogCodeAdded") ? 2 : 1);
        }
        assertThat(EventVersions.of(null)).isEqualTo(1);
        assertThat(EventVersions.of("2")).isEqualTo(2);
    }

    @Test
    void a_stored_version_1_is_read_with_its_level_derived() throws Exception {
        ObjectNode fields = (ObjectNode) JSON.readTree(STORED_V1);

        CatalogCodeAdded read = JSON.treeToValue(EventVersions.upcast("CatalogCodeAdded", 1, fields), CatalogCodeAdded.class);

        assertThat(read).isEqualTo(new CatalogCodeAdded(CatalogKind.SUBJECTS, "21401", "交通运输", "admin", CodeLevel.SECTION));
    }

    @Test
    void a_version_2_value_is_left_as_it_is() throws Exception {
        String v2 = JSON.writeValueAsString(new CatalogCodeAdded(CatalogKind.ECONOMIC, "30299", "其他", "admin"));
        assertThat(v2).contains("\"level\":\"SECTION\"");
        ObjectNode oddOne = (ObjectNode) JSON.readTree(v2);
        oddOne.put("level", "CLASS"); // not what the length says: what was written is what is read

        assertThat(EventVersions.upcastAnyVersion("CatalogCodeAdded", oddOne.deepCopy())).isEqualTo(oddOne);
        assertThat(EventVersions.upcast("PaymentMade", 1, oddOne.deepCopy())).isEqualTo(oddOne);
    }

    @Test
    void a_version_1_published_with_its_version_is_read_from_the_topic_with_its_level() throws Exception {
        EventRecords records = new EventRecords(JSON, "budget-ledger.events");
        EventEnvelope envelope = new EventEnvelope("e-1", 7, "CatalogCodeAdded", Instant.parse("2023-06-10T08:30:00.123456Z"));

        ProducerRecord<String, byte[]> record = records.toRecord(envelope, "catalog:SUBJECTS", STORED_V1.getBytes(StandardCharsets.UTF_8),
                new EventRecords.Integrity("a".repeat(64), "b".repeat(64)), 1);

        assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("budgetledger.CatalogCodeAdded.v1");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain("level");
        RecordedEvent read = new EventValueReader(JSON).read(record.value(), (readEnvelope, event) -> event);
        assertThat(read).isEqualTo(new CatalogCodeAdded(CatalogKind.SUBJECTS, "21401", "交通运输", "admin", CodeLevel.SECTION));
    }
}
