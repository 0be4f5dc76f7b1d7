package org.budgetledger.projection.publication;

import org.budgetledger.contracts.codes.UnitType;
import org.budgetledger.contracts.events.UnitYearProfileSet;
import org.budgetledger.projection.departments.AppliedRegister;
import org.budgetledger.projection.departments.Consolidation;
import org.budgetledger.projection.departments.UnitAttributes;
import org.budgetledger.projection.digests.LedgerDigests;
import org.budgetledger.projection.readmodel.ReportInputs;
import org.budgetledger.projection.readmodel.ReportPeriod;
import org.budgetledger.projection.reports.Scope;
import org.budgetledger.projection.reports.t06.GeneralBudgetBasicByEconomic;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import org.budgetledger.web.security.Caller;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Puts a unit-year's publication together (SPEC §15) at a point in time, in a scope: the tables computed as the
 * reports compute them, last year's from the ledger or the reference, the payments' disclosure, the profile; then
 * the figures of those, and the narrative said of the figures.
 */
@Component
public class PublicationAssembler {

    /** The unit types that have 机关运行经费 (SPEC §15): 行政单位 and 参公 units. */
    static final Set<UnitType> RUNNING_COSTS_TYPES = Set.of(UnitType.ADMINISTRATIVE, UnitType.CIVIL_SERVICE_MANAGED);

    private final Consolidation consolidation;
    private final AppliedRegister register;
    private final PublicationSources sources;
    private final Narrative narrative;
    private final LedgerDigests ledgerDigests;

    PublicationAssembler(Consolidation consolidation, AppliedRegister register, PublicationSources sources, Narrative narrative,
                         LedgerDigests ledgerDigests) {
        this.consolidation = consolidation;
        this.register = register;
        this.sources = sources;
        this.narrative = narrative;
        this.ledgerDigests = ledgerDigests;
    }

    /** The publication as the caller may read it: 404 when its department holds a unit the caller does not read. */
    public Publication assemble(Caller caller, String unit, int year, Scope scope, ReportPeriod period) {
        List<String> units = scope == Scope.UNIT ? List.of(unit) : register.unitsOf(unit, period);
        units = units.isEmpty() ? List.of(unit) : units;
        YearTables tables = YearTables.of(year, inputs(caller, unit, year, period, scope));
        Optional<YearTables> previous = previous(caller, unit, units, year, period, scope);
        Optional<UnitYearProfileSet> profile = sources.profile(unit, year, period.knownAt());
        UnitAttributes attributes = register.unitAt(unit, period).orElse(new UnitAttributes(unit, unit, null, UnitType.OTHER));
        DisclosureFigures.Unit about = about(caller, attributes, units, tables, year, period, scope);
        // the digest is the one holding the very event the stamp names: read once, not again by the digests
        PublicationSources.LedgerPosition position = sources.position(period.knownAt());
        return PublicationComposer.compose(narrative, unit, year, scope, period, new PublicationComposer.Sources(tables, previous,
                sources.disclosures(units, year, period), profile, about, position, ledgerDigests.covering(position.sequence())));
    }

    private ReportInputs inputs(Caller caller, String unit, int year, ReportPeriod period, Scope scope) {
        return register.named(consolidation.inputs(caller, unit, year, period, scope).consolidated(), period);
    }

    /** Last year: in the ledger when any unit has facts of it (as known at knownAt), else the reference, if any. */
    private Optional<YearTables> previous(Caller caller, String unit, List<String> units, int year, ReportPeriod period, Scope scope) {
        if (sources.inLedger(units, year - 1, period.knownAt())) {
            ReportPeriod lastYearEnd = new ReportPeriod(LocalDate.of(year - 1, 12, 31), period.knownAt());
            return Optional.of(YearTables.of(year - 1, inputs(caller, unit, year - 1, lastYearEnd, scope)));
        }
        return sources.reference(unit, year, period.knownAt()).map(YearTables::ofReference);
    }

    /**
     * The unit as the publication names it, the units of its department, and its 机关运行经费: the 公用经费 of the fiscal
     * basic spending (公开06表) of each 行政 or 参公 unit it covers, each unit's own.
     */
    private DisclosureFigures.Unit about(Caller caller, UnitAttributes unit, List<String> units, YearTables tables, int year, ReportPeriod period,
                                         Scope scope) {
        List<String> others = units.stream().filter(code -> !code.equals(unit.code()))
                .map(code -> Optional.ofNullable(register.nameAt(code, period)).orElse(code)).toList();
        long runningCosts = 0;
        boolean any = false;
        for (String code : units) {
            UnitType type = register.unitAt(code, period).map(UnitAttributes::type).orElse(UnitType.OTHER);
            if (!RUNNING_COSTS_TYPES.contains(type)) {
                continue;
            }
            any = true;
            YearTables own = units.size() == 1 ? tables : YearTables.of(year, inputs(caller, code, year, period, Scope.UNIT));
            runningCosts += own.economic(GeneralBudgetBasicByEconomic.PUBLIC_TOTAL)
                    .map(row -> row.fen(GeneralBudgetBasicByEconomic.AMOUNT)).orElse(0L);
        }
        return new DisclosureFigures.Unit(unit.name(), unit.type(), others, scope == Scope.DEPARTMENT && units.size() > 1,
                runningCosts, any);
    }
}
