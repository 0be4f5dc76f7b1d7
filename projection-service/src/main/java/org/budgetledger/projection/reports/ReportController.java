package org.budgetledger.projection.reports;

import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.projection.reports.t01.IncomeAndExpenditureSummary;
import org.budgetledger.web.ApiProblem;
import org.budgetledger.web.security.Caller;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

@RestController
class ReportController {

    private final FactQueries facts;
    private final Clock clock;

    ReportController(FactQueries facts, @Value("${budgetledger.reports.zone}") ZoneId zone) {
        this.facts = facts;
        this.clock = Clock.system(zone);
    }

    @GetMapping("/api/v1/reports/{unit}/{year}/{table}")
    Report report(@PathVariable String unit, @PathVariable int year, @PathVariable String table,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                  @RequestParam(required = false) Instant knownAt,
                  @RequestParam(defaultValue = "yuan") String scale) {
        Caller.current().requireReadable(unit, "reports of unit " + unit);
        Scale cellScale = parseScale(scale);
        ReportPeriod period = ReportPeriod.resolve(year, asOf, knownAt, clock);
        if (!IncomeAndExpenditureSummary.TABLE.equals(table)) {
            throw new ApiProblem(ProblemCode.NOT_IMPLEMENTED, "table " + table + " is not implemented yet");
        }
        FactTotals totals = facts.totalsByClass(unit, year, period);
        return new Report(table, unit, year, period.asOf(), period.knownAt(), cellScale.parameterValue(),
                IncomeAndExpenditureSummary.COLUMNS, IncomeAndExpenditureSummary.rows(totals, cellScale));
    }

    private static Scale parseScale(String scale) {
        try {
            return Scale.fromParameter(scale);
        } catch (IllegalArgumentException unknown) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "scale must be yuan or wanyuan",
                    List.of(new FieldError("scale", "yuan or wanyuan")));
        }
    }
}
