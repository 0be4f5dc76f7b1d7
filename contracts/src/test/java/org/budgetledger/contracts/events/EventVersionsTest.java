package org.budgetledger.contracts.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.budgetledger.contracts.codes.CatalogKind;
import org.budgetledger.contracts.codes.CodeLevel;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.contracts.wire.EventRecords;
import org.budgetledger.contracts.wire.EventTypes;
import org.budgetledger.contracts.wire.EventValueReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event type has a version, and those that changed shape (CatalogCodeAdded, version 2: its code's level;
 * CommitmentCarriedOver, version 2: its closed line's origin) still read at version 1 — stored bytes and topic values as
 * they were written — through their upcasters, which derive what version 1 left out; a value already at version 2 goes
 * through them unchanged.
 */
class EventVersionsTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    /** A CatalogCodeAdded exactly as version 1 stored it. */
    private static final String STORED_V1 = "{\"catalog\":\"SUBJECTS\",\"code\":\"21401\",\"name\":\"交通运输\",\"principal\":\"admin\"}";
    /** A CommitmentCarriedOver exactly as version 1 stored it (the frozen corpus' generation-2), from line {@code %s}. */
    private static final String CARRIED_V1 = "{\"transactionId\":\"c1\",\"unit\":\"C100\",\"year\":2024,\"effectiveDate\":\"2024-01-01\","
            + "\"principal\":\"test-admin\",\"memo\":null,\"voucher\":null,\"commitment\":\"k1\",\"fromYear\":2023,"
            + "\"fromLineId\":\"%s\",\"lineId\":\"%s>2024\",\"fund\":\"GENERAL_BUDGET\",\"subject\":\"2140199\","
            + "\"kind\":\"PROJECT\",\"project\":\"业务工作经费\",\"amount\":\"1500.00\",\"contract\":\"HT-2023-01\","
            + "\"payee\":\"某供应商\",\"schedule\":[{\"date\":\"2024-01-01\",\"amount\":\"1500.00\"}]}";
    private static final Map<String, Integer> CHANGED = Map.of("CatalogCodeAdded", 2, "CommitmentCarriedOver", 2);

    @Test
    void every_type_has_a_version_and_those_that_changed_shape_are_at_two() {
        for (String name : EventTypes.names()) {
            assertThat(EventVersions.current(name)).as(name).isEqualTo(CHANGED.getOrDefault(name, 1));
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

    @Test
    void a_stored_version_1_carry_over_reads_its_closed_lines_origin_from_the_lines_id_as_version_1_was_read() throws Exception {
        // version 1's reading: a carried-in line's id has the carry-in mark, any other line was appropriated
        assertThat(readCarriedV1("a1").fromOrigin()).isEqualTo(LineOrigin.APPROPRIATION);
        assertThat(readCarriedV1("a1>2023").fromOrigin()).isEqualTo(LineOrigin.CARRY_OVER);

        CommitmentCarriedOver read = readCarriedV1("a1");

        assertThat(read).isEqualTo(carried("a1", LineOrigin.APPROPRIATION));
    }

    @Test
    void a_version_2_carry_over_keeps_the_origin_it_was_written_with() throws Exception {
        CommitmentCarriedOver opening = carried("o1", LineOrigin.OPENING); // no carry-in mark: version 1 would say APPROPRIATION
        ObjectNode v2 = JSON.valueToTree(opening);
        assertThat(v2.path("fromOrigin").asText()).isEqualTo("OPENING");

        assertThat(EventVersions.upcastAnyVersion("CommitmentCarriedOver", v2.deepCopy())).isEqualTo(v2);
        assertThat(JSON.treeToValue(EventVersions.upcast("CommitmentCarriedOver", 2, v2.deepCopy()), CommitmentCarriedOver.class))
                .isEqualTo(opening);
    }

    @Test
    void a_version_1_carry_over_published_with_its_version_is_read_from_the_topic_with_its_origin() throws Exception {
        EventRecords records = new EventRecords(JSON, "budget-ledger.events");
        EventEnvelope envelope = new EventEnvelope("e-2", 8, "CommitmentCarriedOver", Instant.parse("2024-01-02T08:30:00Z"));
        byte[] storedV1 = CARRIED_V1.formatted("a1>2023", "a1>2023").getBytes(StandardCharsets.UTF_8);

        ProducerRecord<String, byte[]> record = records.toRecord(envelope, "C100:2024", storedV1,
                new EventRecords.Integrity("a".repeat(64), "b".repeat(64)), 1);

        assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("budgetledger.CommitmentCarriedOver.v1");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain("fromOrigin");
        RecordedEvent read = new EventValueReader(JSON).read(record.value(), (readEnvelope, event) -> event);
        assertThat(read).isEqualTo(carried("a1>2023", LineOrigin.CARRY_OVER));
    }

    private static CommitmentCarriedOver readCarriedV1(String fromLineId) throws Exception {
        ObjectNode fields = (ObjectNode) JSON.readTree(CARRIED_V1.formatted(fromLineId, fromLineId));
        return JSON.treeToValue(EventVersions.upcast("CommitmentCarriedOver", 1, fields), CommitmentCarriedOver.class);
    }

    /** The event of {@link #CARRIED_V1}, from the given line of the given origin. */
    private static CommitmentCarriedOver carried(String fromLineId, LineOrigin fromOrigin) {
        return new CommitmentCarriedOver("c1", "C100", 2024, LocalDate.of(2024, 1, 1), "test-admin", null, null, "k1", 2023,
                fromLineId, fromOrigin, fromLineId + ">2024", Fund.GENERAL_BUDGET, "2140199", Kind.PROJECT, "业务工作经费",
                Money.parseYuan("1500.00"), "HT-2023-01", "某供应商",
                List.of(new ScheduledPayment(LocalDate.of(2024, 1, 1), Money.parseYuan("1500.00"))));
    }
}
