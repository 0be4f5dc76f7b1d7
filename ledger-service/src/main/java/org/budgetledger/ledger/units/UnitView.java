package org.budgetledger.ledger.units;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.budgetledger.contracts.codes.UnitType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/v1/units/{code}}: the unit as of a date, and its history as recorded: the registration
 * ({@code effective} null: it holds from the beginning of time), then each change in order of effect (effective date,
 * then sequence) with only the fields it changed.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record UnitView(String code, String name, String parent, UnitType type, List<Entry> history) {

    /** {@code sequence} is null for a registration stored before units were events, until its event is written. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Entry(LocalDate effective, String name, String parent, UnitType type, Instant recordedAt, Long sequence) {
    }

    static UnitView of(UnitRecords records, String code, LocalDate asOf) {
        Unit unit = records.at(code, asOf).orElseThrow();
        UnitRecords.Registration registration = records.registration(code).orElseThrow();
        List<Entry> history = new ArrayList<>();
        history.add(new Entry(null, registration.name(), registration.parent(), registration.type(), registration.recordedAt(),
                registration.sequence()));
        for (UnitRecords.Change change : records.changesOf(code)) {
            history.add(new Entry(change.effective(), change.name(), change.parent(), change.type(), change.recordedAt(),
                    change.sequence()));
        }
        return new UnitView(unit.code(), unit.name(), unit.parent(), unit.type(), history);
    }
}
