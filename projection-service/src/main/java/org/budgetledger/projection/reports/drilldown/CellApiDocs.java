package org.budgetledger.projection.reports.drilldown;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import org.budgetledger.contracts.events.LedgerEvent;
import org.budgetledger.projection.readmodel.CellFacts;
import org.budgetledger.projection.readmodel.CellSum;
import org.budgetledger.projection.readmodel.CodeNames;
import org.budgetledger.projection.readmodel.Fact;
import org.budgetledger.projection.readmodel.ReportInputs;
import org.budgetledger.projection.readmodel.ReportPeriod;
import org.budgetledger.projection.readmodel.TransactionTypes;
import org.budgetledger.projection.reports.ReportTable;
import org.budgetledger.projection.reports.Scope;
import org.budgetledger.projection.reports.api.ExampleUnitYear;
import org.budgetledger.projection.reports.t03.Expenditure;
import org.budgetledger.web.operations.ApiDescription;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.GET;

/**
 * The examples of the drill-down and the comparison in the OpenAPI description: real answers, computed by the cells'
 * definitions and the code that answers them from the facts of {@link ExampleUnitYear} (in memory, as the database
 * would choose them). The parameters they share with the reports are described with the reports'.
 */
@Component
class CellApiDocs implements OpenApiCustomizer {

    static final String CELLS = "/api/v1/reports/{unit}/{year}/{table}/cells";
    static final String DIFF = "/api/v1/reports/{unit}/{year}/{table}/diff";

    private final ObjectMapper json;

    CellApiDocs(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        ExampleUnitYear history = new ExampleUnitYear();
        ReportTable table = Expenditure.TABLE;
        ReportPeriod yearEnd = new ReportPeriod(LocalDate.of(ExampleUnitYear.year(), 12, 31), ExampleUnitYear.knownAt());
        ReportInputs inputs = history.inputs(yearEnd);
        CellDrillDown.Cell cell = CellDrillDown.cellOf(table, "2140199", "project");
        long cellFen = cell.sum().fen(inputs);
        List<CellFacts.Line> lines = lines(history, cell.sum(), fact -> kept(fact, yearEnd), 1);
        CellTransactions drilled = CellDrillDown.answer(new CellDrillDown.Asked(ExampleUnitYear.unit(), ExampleUnitYear.unitName(),
                ExampleUnitYear.year(), yearEnd, Scope.UNIT, cell, "其他公路水路运输支出", 0, 50), cellFen, lines, CodeNames.BUILT_IN,
                null);
        // as published on 1 April: the payment of 20 April posted since
        ReportPeriod published = new ReportPeriod(yearEnd.asOf(), Instant.parse(ExampleUnitYear.year() + "-04-01T00:00:00Z"));
        CellFacts.Keeping before = new CellFacts.Keeping(List.of(ExampleUnitYear.unit()), ExampleUnitYear.year(), published);
        CellFacts.Keeping after = new CellFacts.Keeping(List.of(ExampleUnitYear.unit()), ExampleUnitYear.year(), yearEnd);
        CellFacts.Changes changes = new CellFacts.Changes(List.of(), changed(history, published, yearEnd), true);
        List<CellChanges.ChangedCell> cells = CellComparison.changedCells(table,
                new CellComparison.Compared(table.rows(history.inputs(published)), before),
                new CellComparison.Compared(table.rows(inputs), after), changes, 20, CodeNames.BUILT_IN, null);
        CellChanges compared = new CellChanges(table.name(), ExampleUnitYear.unit(), ExampleUnitYear.unitName(),
                ExampleUnitYear.year(), Scope.UNIT.parameterValue(), new CellChanges.Point(published.asOf(), published.knownAt()),
                new CellChanges.Point(yearEnd.asOf(), yearEnd.knownAt()), true, cells);
        new ApiDescription(api, json)
                .answer(GET, CELLS, "200", "T03 2140199 项目支出: two payments", drilled)
                .answer(GET, DIFF, "200", "T03 since 1 April: one payment posted", compared);
    }

    private static boolean kept(Fact fact, ReportPeriod period) {
        return !fact.effectiveDate().isAfter(period.asOf()) && !fact.recordedAt().isAfter(period.knownAt());
    }

    /** The facts the cell counts among those {@code kept} chooses, as lines counted {@code times} over. */
    private static List<CellFacts.Line> lines(ExampleUnitYear history, CellSum sum, Predicate<Fact> kept, long times) {
        List<CellFacts.Line> lines = new ArrayList<>();
        for (Fact fact : history.facts()) {
            int weight = sum.weight(fact.measure(), fact.fund(), fact.subject(), fact.kind(), fact.economic(), fact.project(),
                    fact.origin());
            if (kept.test(fact) && weight != 0) {
                lines.add(line(history, fact).times(weight * times));
            }
        }
        return lines;
    }

    /** Every fact the second point keeps and the first does not. */
    private static List<CellFacts.Line> changed(ExampleUnitYear history, ReportPeriod first, ReportPeriod second) {
        return history.facts().stream().filter(fact -> kept(fact, second) && !kept(fact, first))
                .map(fact -> line(history, fact)).toList();
    }

    private static CellFacts.Line line(ExampleUnitYear history, Fact fact) {
        LedgerEvent event = history.event(fact.sequence());
        return new CellFacts.Line(fact.sequence(), fact.part(), fact.unit(), fact.effectiveDate(), fact.recordedAt(),
                fact.measure(), fact.fund(), fact.subject(), fact.kind(), fact.economic(), fact.project(), fact.lineId(),
                fact.origin(), null, fact.amountFen(), event.transactionId(), TransactionTypes.of(event), event.principal(),
                event.memo(), event.voucher());
    }
}
