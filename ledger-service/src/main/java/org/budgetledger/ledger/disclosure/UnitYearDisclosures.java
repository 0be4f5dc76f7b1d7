package org.budgetledger.ledger.disclosure;

import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.events.ReferenceTable;
import org.budgetledger.contracts.events.ReferenceTablesRecorded;
import org.budgetledger.contracts.events.RegistryEvent;
import org.budgetledger.contracts.events.UnitYearProfileSet;
import org.budgetledger.ledger.eventstore.RegistryEventLog;
import org.budgetledger.ledger.units.Units;
import org.budgetledger.web.ApiProblem;
import org.budgetledger.web.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;

/**
 * Records a unit-year's disclosure data (SPEC §15) as events of the store: its profile, and last year's published
 * tables for a unit new to the ledger. Each is checked whole first; a refusal stores nothing. Written under the
 * registers' lock, as the registers' events are, so that two writes of one unit-year number their events in turn.
 */
@Service
public class UnitYearDisclosures {

    private static final Logger log = LoggerFactory.getLogger(UnitYearDisclosures.class);
    static final int YEAR_MIN = 2000;
    static final int YEAR_MAX = 2100;

    /** What a recording answers: what was recorded, where in the store and when. */
    public record Recorded<T>(T recorded, long sequence, Instant recordedAt) {
    }

    private final Units units;
    private final RegistryEventLog events;
    private final TransactionTemplate transaction;

    UnitYearDisclosures(Units units, RegistryEventLog events, PlatformTransactionManager transactions) {
        this.units = units;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    public Recorded<UnitYearProfileSet> setProfile(String unit, int year, ProfileRequest request, Caller caller) {
        requireUnitYear(unit, year, caller);
        UnitYearProfileSet profile = request.checked(unit, year, caller.name());
        Recorded<UnitYearProfileSet> recorded = append(profile);
        log.info("event=profile_set unit={} year={} explanations={} sequence={}", unit, year,
                profile.explanations() == null ? 0 : profile.explanations().size(), recorded.sequence());
        return recorded;
    }

    public Recorded<ReferenceTablesRecorded> recordReference(String unit, int year, List<ReferenceFiles.Upload> files,
                                                      String scale, String charset, Caller caller) {
        requireUnitYear(unit, year, caller);
        ReferenceFiles.FileUnit fileUnit = ReferenceFiles.FileUnit.ofParameter(scale);
        List<ReferenceTable> tables = new ReferenceFiles(unit, year - 1, fileUnit, units::exists).read(files, charset);
        Recorded<ReferenceTablesRecorded> recorded = append(new ReferenceTablesRecorded(unit, year, year - 1, fileUnit.name(),
                tables, caller.name()));
        log.info("event=reference_recorded unit={} year={} tables={} sequence={}", unit, year,
                tables.stream().map(ReferenceTable::table).toList(), recorded.sequence());
        return recorded;
    }

    /** The caller writes for the unit (403 otherwise, whether it exists or not), which is registered (404), in a year of SPEC §2. */
    private void requireUnitYear(String unit, int year, Caller caller) {
        caller.requireWritable(unit);
        if (!units.exists(unit)) {
            throw new ApiProblem(ProblemCode.NOT_FOUND, "no unit " + unit);
        }
        if (year < YEAR_MIN || year > YEAR_MAX) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "year must be from " + YEAR_MIN + " to " + YEAR_MAX,
                    List.of(new FieldError("year", "a year from " + YEAR_MIN + " to " + YEAR_MAX)));
        }
    }

    private <T extends RegistryEvent> Recorded<T> append(T event) {
        RegistryEventLog.Appended appended = transaction.execute(status -> {
            events.lockRegisters();
            return events.append(event);
        });
        return new Recorded<>(event, appended.sequence(), appended.recordedAt());
    }
}
