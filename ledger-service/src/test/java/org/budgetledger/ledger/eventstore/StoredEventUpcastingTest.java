package org.budgetledger.ledger.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.budgetledger.contracts.codes.CatalogKind;
import org.budgetledger.contracts.codes.CodeLevel;
import org.budgetledger.contracts.events.CatalogCodeAdded;
import org.budgetledger.contracts.events.CommitmentCarriedOver;
import org.budgetledger.contracts.events.YearClosed;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store as Axon reads it: an event stored at version 1 (no revision, as every event before versions were written
 * down) comes out of the upcaster chain in its current shape, without its bytes being rewritten; one at its current
 * version passes unchanged; and what is written now carries its version as its revision.
 */
class StoredEventUpcastingTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(new ObjectMapper())
            .revisionResolver(new EventRevisions()).build();

    @Test
    void a_catalog_code_stored_at_version_1_is_read_at_version_2_with_its_level() {
        byte[] stored = "{\"catalog\":\"ECONOMIC\",\"code\":\"30299\",\"name\":\"其他\",\"principal\":\"admin\"}".getBytes(StandardCharsets.UTF_8);

        IntermediateEventRepresentation read = upcast(CatalogCodeAdded.class, stored, null);

        assertThat(read.getType().getRevision()).isEqualTo("2");
        assertThat((Object) serializer.deserialize(read.getData())).isEqualTo(
                new CatalogCodeAdded(CatalogKind.ECONOMIC, "30299", "其他", "admin", CodeLevel.SECTION));
        assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain("level");
    }

    @Test
    void a_commitment_carried_over_stored_at_version_1_is_read_at_version_2_with_its_origin_as_version_1_read_it() {
        byte[] stored = ("{\"commitment\":\"k1\",\"fromYear\":2023,\"fromLineId\":\"a1>2023\",\"lineId\":\"a1>2023>2024\"}")
                .getBytes(StandardCharsets.UTF_8);

        IntermediateEventRepresentation read = upcast(CommitmentCarriedOver.class, stored, null);

        assertThat(read.getType().getRevision()).isEqualTo("2");
        assertThat(read.getData(JsonNode.class).getData().path("fromOrigin").asText()).isEqualTo("CARRY_OVER");
        assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain("fromOrigin");
    }

    @Test
    void events_are_written_at_their_version_and_a_current_one_passes_unchanged() {
        assertThat(serializer.typeForClass(CatalogCodeAdded.class).getRevision()).isEqualTo("2");
        assertThat(serializer.typeForClass(CommitmentCarriedOver.class).getRevision()).isEqualTo("2");
        assertThat(serializer.typeForClass(YearClosed.class).getRevision()).isEqualTo("1");
        byte[] current = serializer.serialize(new CatalogCodeAdded(CatalogKind.SUBJECTS, "2140188", "新增项", "admin"), byte[].class)
                .getData();

        IntermediateEventRepresentation read = upcast(CatalogCodeAdded.class, current, "2");

        assertThat(read.getData(byte[].class).getData()).isEqualTo(current);
    }

    private IntermediateEventRepresentation upcast(Class<?> type, byte[] payload, String revision) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Catalog", "catalog:ECONOMIC", 0, "e-1",
                "2023-06-10T00:00:00Z", type.getName(), revision, payload, "{}".getBytes(StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> read = new EventUpcasterChain(new StoredEventUpcasting())
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).toList();
        assertThat(read).hasSize(1);
        return read.get(0);
    }
}
