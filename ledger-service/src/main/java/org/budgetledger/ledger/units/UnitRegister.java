package org.budgetledger.ledger.units;

import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.events.UnitChanged;
import org.budgetledger.contracts.events.UnitRegistered;
import org.budgetledger.ledger.eventstore.RegistryEventLog;
import org.budgetledger.web.ApiProblem;
import org.budgetledger.web.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Registers and changes units (SPEC §12): each checked against every registration and change under the registers'
 * lock, then stored as its event and its row in one transaction. A refusal stores nothing.
 */
@Service
public class UnitRegister {

    private static final Logger log = LoggerFactory.getLogger(UnitRegister.class);

    private final Units units;
    private final RegistryEventLog events;
    private final TransactionTemplate transaction;

    UnitRegister(Units units, RegistryEventLog events, PlatformTransactionManager transactions) {
        this.units = units;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Registers the unit for a tool (demo data, tests) that may place units anywhere. */
    public Unit register(Unit unit, String principal) {
        return register(unit, Caller.system(principal));
    }

    /**
     * Registers the unit (its fields checked: {@link UnitRequests.Registration#checked()}) for the caller, who places
     * units only under a unit it holds.
     *
     * @throws ApiProblem {@code FORBIDDEN}, {@code DUPLICATE_CODE}, {@code UNKNOWN_UNIT}, {@code UNIT_CYCLE} or
     *                    {@code UNIT_TOO_DEEP}
     */
    public Unit register(Unit unit, Caller caller) {
        requireParentHeld(caller, unit.parent());
        String principal = caller.name();
        if (unit.code().equals(unit.parent())) {
            throw new ApiProblem(ProblemCode.UNIT_CYCLE, "unit " + unit.code() + " cannot be its own parent");
        }
        RegistryEventLog.Appended appended = transaction.execute(status -> {
            events.lockRegisters();
            UnitRecords records = units.records();
            if (records.exists(unit.code())) {
                throw new ApiProblem(ProblemCode.DUPLICATE_CODE, "unit " + unit.code() + " is registered already");
            }
            requireKnownParent(records, unit.parent());
            refuseBadStructure(records.with(new UnitRecords.Registration(unit.code(), unit.name(), unit.parent(), unit.type(),
                    null, null)), UnitRecords.BEGINNING);
            units.insert(unit);
            return events.append(new UnitRegistered(unit.code(), unit.name(), unit.parent(), unit.type(), principal));
        });
        log.info("event=unit_registered unit={} parent={} type={} sequence={}", unit.code(), unit.parent(), unit.type(),
                appended.sequence());
        return unit;
    }

    /** @return the unit as it stands on the change's effective date, the change applied */
    Unit change(UnitRecords.Change change, Caller caller) {
        // as every write for a unit: refused for another unit whether it exists or not
        caller.requireWritable(change.unit());
        requireParentHeld(caller, change.parent());
        UnitRecords.Change stored = transaction.execute(status -> {
            events.lockRegisters();
            UnitRecords records = units.records();
            Unit before = records.at(change.unit(), change.effective())
                    .orElseThrow(() -> new ApiProblem(ProblemCode.NOT_FOUND, "no unit " + change.unit()));
            requireKnownParent(records, change.parent());
            requireDifference(before, change);
            refuseBadStructure(records.with(change), change.effective());
            RegistryEventLog.Appended appended = events.append(new UnitChanged(change.unit(), change.effective(), change.name(),
                    change.parent(), change.type(), caller.name()));
            UnitRecords.Change recorded = new UnitRecords.Change(change.unit(), change.effective(), change.name(), change.parent(),
                    change.type(), appended.sequence(), appended.recordedAt());
            units.insert(recorded, caller.name());
            return recorded;
        });
        log.info("event=unit_changed unit={} effective={} name_changed={} parent={} type={} sequence={}", stored.unit(),
                stored.effective(), stored.name() != null, stored.parent(), stored.type(), stored.sequence());
        return units.records().at(stored.unit(), stored.effective()).orElseThrow();
    }

    /**
     * An administrator of some units places units only under a unit it holds: moving its unit under another
     * department's, or registering a unit there, would hand that department its data (SPEC §13: a department reads its
     * units) and change another department's consolidated tables.
     */
    private static void requireParentHeld(Caller caller, String parent) {
        if (parent != null && !caller.seesUnit(parent)) {
            throw new ApiProblem(ProblemCode.FORBIDDEN, caller.name() + " may not place units under unit " + parent);
        }
    }

    private static void requireKnownParent(UnitRecords records, String parent) {
        if (parent != null && !records.exists(parent)) {
            throw new ApiProblem(ProblemCode.UNKNOWN_UNIT, "parent " + parent + " is no registered unit");
        }
    }

    /** A change must change something of what holds on its effective date. */
    private static void requireDifference(Unit before, UnitRecords.Change change) {
        if (!Objects.equals(UnitRecords.overlay(before, change), before)) {
            return;
        }
        List<FieldError> errors = new ArrayList<>();
        if (change.name() != null) {
            errors.add(new FieldError("name", "already " + before.name() + " on " + change.effective()));
        }
        if (change.parent() != null) {
            errors.add(new FieldError("parent", "already " + before.parent() + " on " + change.effective()));
        }
        if (change.type() != null) {
            errors.add(new FieldError("type", "already " + before.type() + " on " + change.effective()));
        }
        throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "the change changes nothing of what holds on " + change.effective(), errors);
    }

    private static void refuseBadStructure(UnitRecords records, LocalDate from) {
        records.structureProblem(from).ifPresent(problem -> {
            throw new ApiProblem(problem.code(), problem.detail());
        });
    }
}
