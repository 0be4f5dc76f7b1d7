package org.budgetledger.projection.reports.monitoring;

import org.budgetledger.projection.readmodel.DepartmentInputs;
import org.budgetledger.projection.readmodel.LineFigures;
import org.budgetledger.projection.readmodel.ReportInputs;

import java.time.LocalDate;
import java.util.List;

/**
 * What execution monitoring (SPEC §14) of a unit-year at one (asOf, knownAt) looks at: each line's figures, the
 * commitments as they stand, and the report's summed facts (for the 三公 figures). At department scope
 * ({@code consolidating}: a department of more than one unit) lines, projects and commitments are named
 * {@code {unit}/{code}}, as the execution report names its rows.
 */
public record MonitoringInputs(int year, LocalDate asOf, boolean consolidating, List<LineFigures> lines,
                               List<OpenCommitment> commitments, ReportInputs consolidated) {

    public MonitoringInputs {
        lines = List.copyOf(lines);
        commitments = List.copyOf(commitments);
    }

    /** A line, project or commitment of {@code unit} as this report names it; null stays null. */
    public String named(String unit, String code) {
        return consolidating ? DepartmentInputs.projectOf(unit, code) : code;
    }

    /**
     * The day monitoring looks from: asOf, or 31 December for an asOf after the year. A closed year's figures stand
     * still from 31 December on (its commitments move to the next year on 1 January, SPEC §14): what was due by then
     * and unpaid is overdue, what was due on the 31st is not yet.
     */
    public LocalDate today() {
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        return asOf.isAfter(yearEnd) ? yearEnd : asOf;
    }
}
