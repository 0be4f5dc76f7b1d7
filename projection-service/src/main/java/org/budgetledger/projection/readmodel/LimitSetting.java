package org.budgetledger.projection.readmodel;

import org.budgetledger.contracts.codes.ThreePublicCategory;
import org.budgetledger.contracts.events.EventEnvelope;
import org.budgetledger.contracts.events.ThreePublicLimitSet;

import java.time.Instant;
import java.time.LocalDate;

/** A 三公 limit as set by SET_LIMIT, with both time axes. */
public record LimitSetting(long sequence, String unit, int year, ThreePublicCategory category, LocalDate effectiveDate,
                           Instant recordedAt, long amountFen) {

    public static LimitSetting of(EventEnvelope envelope, ThreePublicLimitSet event) {
        return new LimitSetting(envelope.sequence(), event.unit(), event.year(), event.category(),
                event.effectiveDate(), envelope.recordedAt(), event.amount().fen());
    }
}
