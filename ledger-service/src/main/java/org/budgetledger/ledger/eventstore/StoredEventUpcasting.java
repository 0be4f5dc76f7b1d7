package org.budgetledger.ledger.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.budgetledger.contracts.events.EventVersions;

/**
 * Axon's upcasting of stored events, by contracts' {@link EventVersions}: an event stored at an older version is read
 * in its current shape — in memory, after it was read as stored; the stored bytes, which the hash chain and the Merkle
 * tree cover, are never rewritten.
 */
final class StoredEventUpcasting extends SingleEventUpcaster {

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        String name = name(event);
        return EventVersions.hasSteps(name) && version(event) < EventVersions.current(name);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        String name = name(event);
        int version = version(event);
        return event.upcastPayload(new SimpleSerializedType(event.getType().getName(), Integer.toString(EventVersions.current(name))),
                JsonNode.class, payload -> EventVersions.upcast(name, version, (ObjectNode) payload.deepCopy()));
    }

    private static String name(IntermediateEventRepresentation event) {
        String type = event.getType().getName();
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static int version(IntermediateEventRepresentation event) {
        return EventVersions.of(event.getType().getRevision());
    }
}
