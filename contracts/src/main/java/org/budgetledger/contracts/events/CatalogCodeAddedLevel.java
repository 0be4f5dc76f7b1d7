package org.budgetledger.contracts.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.budgetledger.contracts.codes.CodeLevel;

/** {@link CatalogCodeAdded} version 1 → 2: the code's {@code level}, derived from its length, where it is missing. */
final class CatalogCodeAddedLevel implements EventUpcaster {

    @Override
    public String eventName() {
        return "CatalogCodeAdded";
    }

    @Override
    public int fromVersion() {
        return 1;
    }

    @Override
    public ObjectNode upcast(ObjectNode fields) {
        if (!fields.hasNonNull("level")) {
            CodeLevel level = CodeLevel.of(fields.path("code").asText(null));
            if (level != null) {
                fields.put("level", level.name());
            }
        }
        return fields;
    }
}
