package org.budgetledger.contracts.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.budgetledger.contracts.codes.LineOrigin;

/**
 * {@link CommitmentCarriedOver} version 1 → 2: the closed year's line's {@code fromOrigin}, where it is missing, read
 * from the line's id as readers of version 1 read it: a line carried into the closed year has the carry-in mark
 * ({@code >}, between a carried line's id and its year, which no transaction id may contain) and is {@code CARRY_OVER};
 * any other line is taken as {@code APPROPRIATION}. That is the version 1 reading, kept as it was: a version 1 event
 * from an {@code OPENING} line (期初) reads as {@code APPROPRIATION}, as it always did; version 2 names the origin.
 */
final class CommitmentCarriedOverFromOrigin implements EventUpcaster {

    /** What the ledger puts between a carried line's id and its new year: {@code {line}>{year}}. */
    private static final char CARRIED_LINE_MARK = '>';

    @Override
    public String eventName() {
        return "CommitmentCarriedOver";
    }

    @Override
    public int fromVersion() {
        return 1;
    }

    @Override
    public ObjectNode upcast(ObjectNode fields) {
        if (!fields.hasNonNull("fromOrigin")) {
            String fromLineId = fields.path("fromLineId").asText("");
            fields.put("fromOrigin", (fromLineId.indexOf(CARRIED_LINE_MARK) >= 0 ? LineOrigin.CARRY_OVER
                    : LineOrigin.APPROPRIATION).name());
        }
        return fields;
    }
}
