package org.budgetledger.projection.reports;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.projection.readmodel.FactSum;
import org.budgetledger.projection.readmodel.Measure;
import org.budgetledger.projection.readmodel.ReportInputs;
import org.budgetledger.projection.reports.catalog.ConsistencyChecks;
import org.budgetledger.projection.reports.execution.BudgetExecution;
import org.budgetledger.projection.reports.export.ReportCsv;
import org.budgetledger.projection.reports.export.ReportJson;
import org.budgetledger.projection.reports.t01.IncomeAndExpenditureSummary;
import org.budgetledger.projection.reports.t02.Income;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows hold 分; the scale is the renderers' business; the identities read the typed cells. */
class TypedCellsTest {

    /** 12,345,678.95 元 of general-budget income and 0.05 元 of other income, under 2140199. */
    private static final ReportInputs INPUTS = new ReportInputs(List.of(
            new FactSum(Measure.INCOME, Fund.GENERAL_BUDGET, "2140199", null, null, null, null, 1_234_567_895L),
            new FactSum(Measure.INCOME, Fund.OTHER, "2140199", null, null, null, null, 5L),
            new FactSum(Measure.BUDGET, Fund.GENERAL_BUDGET, "2140199", Kind.PROJECT, null, "P", LineOrigin.APPROPRIATION, 300L),
            new FactSum(Measure.EXPENDITURE, Fund.GENERAL_BUDGET, "2140199", Kind.PROJECT, "30201", "P",
                    LineOrigin.APPROPRIATION, 100L)), Map.of());

    @Test
    void a_tables_rows_are_fen_and_render_in_wanyuan_rounded_per_cell() {
        List<ReportRow> rows = Income.TABLE.rows(INPUTS);

        ReportRow total = rows.get(0);
        assertThat(total.code()).isEqualTo("TOTAL");
        assertThat(total.fen(Income.TOTAL)).isEqualTo(1_234_567_900L);
        assertThat(total.fen(Income.FISCAL)).isEqualTo(1_234_567_895L);
        assertThat(total.fen(Income.OTHER)).isEqualTo(5L);

        ReportJson wanyuan = ReportJson.of(report(Income.TABLE, rows, Scale.WANYUAN));
        assertThat(wanyuan.scale()).isEqualTo("wanyuan");
        assertThat(wanyuan.rows().get(0).values()).containsEntry("total", "1234.57").containsEntry("fiscal", "1234.57")
                .containsEntry("other", "0.00");
        ReportJson yuan = ReportJson.of(report(Income.TABLE, rows, Scale.YUAN));
        assertThat(yuan.rows().get(0).values()).containsEntry("total", "12345679.00").containsEntry("other", "0.05");
        assertThat(ReportCsv.write(report(Income.TABLE, rows, Scale.WANYUAN))).startsWith(
                "\uFEFFsubject_code,subject_name,total,fiscal,superior_subsidy,business,operating,affiliate,other\r\n"
                        + ",合计,1234.57,1234.57,0.00,0.00,0.00,0.00,0.00\r\n");
    }

    @Test
    void a_percent_column_is_computed_from_the_fen_of_its_row_whatever_the_scale() {
        ReportRow total = BudgetExecution.TABLE.rows(INPUTS).get(0);

        assertThat(total.cell(BudgetExecution.RATE)).isNull();
        for (Scale scale : Scale.values()) {
            assertThat(BudgetExecution.RATE.text(total, scale)).isEqualTo("33.33");
        }
    }

    @Test
    void an_identity_fails_on_a_doctored_typed_row() {
        List<ReportRow> doctored = new ArrayList<>();
        for (ReportRow row : IncomeAndExpenditureSummary.TABLE.rows(INPUTS)) {
            Map<Column, Long> cells = new LinkedHashMap<>(row.fen());
            if (row.line() != null && row.line() == 27 && "income".equals(row.side())) {
                cells.put(IncomeAndExpenditureSummary.AMOUNT, row.fen(IncomeAndExpenditureSummary.AMOUNT) + 1);
            }
            doctored.add(new ReportRow(row.code(), row.name(), row.side(), row.line(), row.group(), row.part(), cells));
        }

        List<Check> honest = ConsistencyChecks.evaluate(INPUTS);
        List<Check> checks = ConsistencyChecks.evaluate(new Identities(INPUTS).given(IncomeAndExpenditureSummary.TABLE, doctored));

        assertThat(honest).allMatch(Check::ok);
        assertThat(checks).filteredOn(check -> !check.ok()).extracting(Check::name)
                .containsExactly("1", "2a", "6a");
        assertThat(checks).filteredOn(check -> check.name().equals("1")).singleElement()
                .isEqualTo(new Check("1", "01: rows 1–8 = row 27", "12345679.00", "12345679.01", false, null, null,
                        "表1第27行 = 第1至8行之和", "T01"));
        assertThat(checks).extracting(Check::name).isEqualTo(honest.stream().map(Check::name).toList());
    }

    private static Report report(ReportTable table, List<ReportRow> rows, Scale scale) {
        return new Report(table, "430001", 2023, LocalDate.of(2023, 12, 31), Instant.parse("2024-01-01T00:00:00Z"), scale, rows);
    }
}
