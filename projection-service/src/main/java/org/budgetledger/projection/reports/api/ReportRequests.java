package org.budgetledger.projection.reports.api;

import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.projection.departments.AppliedRegister;
import org.budgetledger.projection.departments.DepartmentStructure;
import org.budgetledger.projection.readmodel.ReportPeriod;
import org.budgetledger.projection.reports.Freshness;
import org.budgetledger.projection.reports.Scale;
import org.budgetledger.projection.reports.Scope;
import org.budgetledger.projection.settings.ProjectionSettings;
import org.budgetledger.web.ApiProblem;
import org.budgetledger.web.security.Caller;
import org.budgetledger.web.security.UnitAccess;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What every request for a report, or for what lies behind one, asks first: whether the caller may read the unit's
 * reports (SPEC §10, §13: else 404), the period with its defaults (SPEC §3), whether the projection has applied
 * {@code minSequence} for the report at that period (SPEC §7), the scope and scale asked for.
 */
@Component
public class ReportRequests {

    private final Freshness freshness;
    private final Clock clock;
    private final AppliedRegister register;
    private final UnitAccess access;

    ReportRequests(Freshness freshness, ProjectionSettings settings, AppliedRegister register, UnitAccess access) {
        this.freshness = freshness;
        this.clock = Clock.system(settings.reports().zone());
        this.register = register;
        this.access = access;
    }

    /** The caller may read the unit's reports, else 404 (no existence leak). */
    public void requireReadable(String unit) {
        access.requireReadable(Caller.current(), unit, "reports of unit " + unit);
    }

    /**
     * The projection has applied {@code minSequence} for the report of the unit-year at each of its periods (SPEC §7). A
     * department's report is fresh for a sequence that any of its units' POSTs answered, its units being the ones the
     * report sums: the department at each period's asOf as known at its knownAt (SPEC §13), not today's, so a unit
     * that was in it then and has left since is waited for too.
     */
    public void requireApplied(String unit, int year, String scope, Long minSequence, String wait, List<ReportPeriod> periods) {
        Scope reportScope = parseScope(scope);
        Duration waitFor = Freshness.parseWait(wait);
        if (minSequence == null) {
            return;
        }
        List<String> units = reportScope == Scope.UNIT ? List.of(unit) : unitsAt(unit, periods);
        freshness.require(unit, year, units, minSequence, waitFor);
    }

    private List<String> unitsAt(String unit, List<ReportPeriod> periods) {
        DepartmentStructure held = register.snapshot();
        Set<String> units = new LinkedHashSet<>();
        periods.forEach(period -> units.addAll(held.unitsOf(unit, period)));
        return List.copyOf(units);
    }

    /** The period of a report of the year, with the defaults of SPEC §3 (see {@link ReportPeriod#resolve}). */
    public ReportPeriod period(int year, LocalDate asOf, Instant knownAt) {
        return ReportPeriod.resolve(year, asOf, knownAt, clock);
    }

    /** The reports' clock, in their zone. */
    public Clock clock() {
        return clock;
    }

    public static Scope parseScope(String scope) {
        try {
            return Scope.fromParameter(scope);
        } catch (IllegalArgumentException unknown) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "scope must be department or unit",
                    List.of(new FieldError("scope", "department or unit")));
        }
    }

    public static Scale parseScale(String scale) {
        try {
            return Scale.fromParameter(scale);
        } catch (IllegalArgumentException unknown) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "scale must be yuan or wanyuan",
                    List.of(new FieldError("scale", "yuan or wanyuan")));
        }
    }
}
