package org.budgetledger.projection.reports.export;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.projection.readmodel.FactSum;
import org.budgetledger.projection.readmodel.Measure;
import org.budgetledger.projection.readmodel.ReportInputs;
import org.budgetledger.projection.reports.Column;
import org.budgetledger.projection.reports.OfficialForm;
import org.budgetledger.projection.reports.Report;
import org.budgetledger.projection.reports.ReportRow;
import org.budgetledger.projection.reports.Scale;
import org.budgetledger.projection.reports.execution.BudgetExecution;
import org.budgetledger.projection.reports.t01.IncomeAndExpenditureSummary;
import org.budgetledger.projection.reports.t07.GovFund;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FormHtmlTest {

    @Test
    void names_typed_by_users_are_escaped_since_the_page_inserts_the_fragment_as_html() {
        String hostile = "<img src=x onerror=alert(1)>&\"项目\"";
        Report report = execution(new ReportRow(hostile, hostile, null, null, null, "all", Map.of(
                BudgetExecution.INITIAL_BUDGET, 1_000_000L, BudgetExecution.FULL_YEAR_BUDGET, 2_000_000L,
                BudgetExecution.EXECUTED, 1_500_000L)));

        String html = FormHtml.write(report);

        assertThat(html).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;&amp;&quot;项目&quot;");
    }

    @Test
    void amounts_are_printed_as_the_api_gives_them_with_thousands_separators_in_cells_of_their_own() {
        // 万元 rounded half-up per cell: 4,481,884,900 分 is 4481.88 万元; the rate is computed from the 分
        Report report = execution(new ReportRow("TOTAL", "合计", null, null, null, "all", Map.of(
                BudgetExecution.INITIAL_BUDGET, 4_481_884_900L, BudgetExecution.FULL_YEAR_BUDGET, 9_234_615_000L,
                BudgetExecution.EXECUTED, 7_939_424_999L)));

        String html = FormHtml.write(report);

        for (String amount : List.of("4,481.88", "9,234.62", "7,939.42", "85.97")) {
            assertThat(html).contains("<td class=\"amount\">" + amount + "</td>");
        }
        assertThat(html).contains("<h2>预算执行情况</h2>").contains("金额单位：万元").contains(OfficialForm.ROUNDING_NOTE);
    }

    @Test
    void on_screen_each_amount_that_is_a_sum_of_transactions_names_its_cell_and_a_rate_does_not() {
        Report report = execution(new ReportRow("业务工作经费", "业务工作经费", null, null, null, "current_fiscal", Map.of(
                BudgetExecution.INITIAL_BUDGET, 3_000_000L, BudgetExecution.FULL_YEAR_BUDGET, 4_000_000L,
                BudgetExecution.EXECUTED, 1_000_000L)));

        String screen = FormHtml.write(report, true);

        assertThat(screen).contains("<td class=\"amount\" data-row=\"current_fiscal:业务工作经费\" data-column=\"executed\">1.00</td>")
                .contains("<td class=\"amount\">25.00</td>");
        assertThat(FormHtml.write(report)).doesNotContain("data-row");
    }

    @Test
    void totals_are_bold_rows_line_numbers_centred_cells_and_a_mid_year_table_is_stamped() {
        Report midYear = new Report(IncomeAndExpenditureSummary.TABLE, "430001", 2023, LocalDate.of(2023, 6, 30),
                Instant.parse("2023-07-01T00:00:00Z"), Scale.YUAN, IncomeAndExpenditureSummary.TABLE.rows(PAID));

        String html = FormHtml.write(midYear, true);

        assertThat(html).contains("<p class=\"form-stamp\">截至 2023-06-30（非年末数）</p>")
                .containsPattern("<tr class=\"total\"><td>本年收入合计</td><td class=\"line-no\">27</td>")
                .containsPattern("<tr><td>[^<]*</td><td class=\"line-no\">\\d+</td>")
                .contains(">79,059,500.00</td>");
        assertThat(FormHtml.write(new Report(IncomeAndExpenditureSummary.TABLE, "430001", 2023, LocalDate.of(2023, 12, 31),
                Instant.parse("2024-01-01T00:00:00Z"), Scale.YUAN, IncomeAndExpenditureSummary.TABLE.rows(PAID))))
                .doesNotContain("非年末数");
    }

    @Test
    void an_empty_t07_prints_the_published_note_and_no_zeros_to_open() {
        Report empty = new Report(GovFund.TABLE, "430001", 2023, LocalDate.of(2023, 12, 31),
                Instant.parse("2024-01-01T00:00:00Z"), Scale.YUAN, GovFund.TABLE.rows(PAID));

        String html = FormHtml.write(empty, true);

        assertThat(html).contains("<p class=\"form-empty\">我单位没有政府性基金收入，也没有使用政府性基金安排的支出，故本表无数据。</p>")
                .doesNotContain("0.00").doesNotContain("data-row");
        assertThat(FormHtml.write(new Report(IncomeAndExpenditureSummary.TABLE, "430001", 2023, LocalDate.of(2023, 12, 31),
                Instant.parse("2024-01-01T00:00:00Z"), Scale.YUAN, IncomeAndExpenditureSummary.TABLE.rows(PAID))))
                .doesNotContain("form-empty");
    }

    @Test
    void t07_heads_its_expenditure_columns_together_as_the_form_does() {
        String html = FormHtml.write(new Report(GovFund.TABLE, "430001", 2023, LocalDate.of(2023, 12, 31),
                Instant.parse("2024-01-01T00:00:00Z"), Scale.YUAN, GovFund.TABLE.rows(PAID)));

        assertThat(html).contains("<tr><th scope=\"col\" colspan=\"2\">项目</th><th scope=\"col\" rowspan=\"2\">年初结转和结余</th>"
                        + "<th scope=\"col\" rowspan=\"2\">本年收入</th><th scope=\"col\" colspan=\"3\">本年支出</th>"
                        + "<th scope=\"col\" rowspan=\"2\">年末结转和结余</th></tr>")
                .contains("<tr><th scope=\"col\">科目代码</th><th scope=\"col\">科目名称</th><th scope=\"col\">小计</th>"
                        + "<th scope=\"col\">基本支出</th><th scope=\"col\">项目支出</th></tr>");
    }

    @Test
    void a_unit_year_with_nothing_recorded_shows_a_notice_instead_of_a_table_of_zeros() {
        Report nothing = new Report(IncomeAndExpenditureSummary.TABLE, "430001", 2023, LocalDate.of(2023, 12, 31),
                Instant.parse("2023-01-01T00:00:00Z"), Scale.YUAN,
                IncomeAndExpenditureSummary.TABLE.rows(new ReportInputs(List.of(), Map.of())));

        String html = FormHtml.write(nothing, true, false);

        assertThat(html).contains("<p class=\"form-empty\">截至 2023-12-31，已知至 2023-01-01 00:00:00 UTC，本单位2023年度尚无任何记录，故无报表数据。</p>")
                .doesNotContain("<table");
    }

    @Test
    void execution_is_laid_out_as_the_self_evaluation_form_each_project_once_with_its_score() {
        Map<Column, Long> over = Map.of(BudgetExecution.INITIAL_BUDGET, 1_000_000L, BudgetExecution.FULL_YEAR_BUDGET,
                1_000_000L, BudgetExecution.EXECUTED, 1_200_000L);
        Map<Column, Long> under = Map.of(BudgetExecution.INITIAL_BUDGET, 4_481_884_900L,
                BudgetExecution.FULL_YEAR_BUDGET, 9_234_615_000L, BudgetExecution.EXECUTED, 7_939_424_999L);
        Report report = new Report(BudgetExecution.TABLE, "430001", 2023, LocalDate.of(2023, 12, 31),
                Instant.parse("2024-01-01T00:00:00Z"), Scale.WANYUAN, List.of(
                new ReportRow("TOTAL", "合计", null, null, null, "all", under),
                new ReportRow("TOTAL", "合计", null, null, null, "current_fiscal", under),
                new ReportRow("甲项目", "甲项目", null, null, null, "all", over),
                new ReportRow("甲项目", "甲项目", null, null, null, "current_fiscal", over)));

        String html = FormHtml.write(report);

        assertThat(html).contains("<th scope=\"col\">分值</th><th scope=\"col\">执行率（%）</th><th scope=\"col\">得分</th>")
                // 7,939,424,999 / 9,234,615,000 = 85.97%: 8.60 of 10; above the budget, the full 10
                .contains("<td class=\"amount\">85.97</td><td class=\"amount\">8.60</td>")
                .contains("<td class=\"amount\">120.00</td><td class=\"amount\">10.00</td>")
                .contains("<td rowspan=\"2\">甲项目</td>");
        assertThat(html.split("甲项目", -1)).hasSize(2);
    }

    /** One payment of 79,059,500.00 元 from a general-budget project line of 2140199. */
    private static final ReportInputs PAID = new ReportInputs(List.of(
            new FactSum(Measure.BUDGET, Fund.GENERAL_BUDGET, "2140199", Kind.PROJECT, null, "业务工作经费",
                    LineOrigin.APPROPRIATION, 10_000_000_000L),
            new FactSum(Measure.EXPENDITURE, Fund.GENERAL_BUDGET, "2140199", Kind.PROJECT, "30201", "业务工作经费",
                    LineOrigin.APPROPRIATION, 7_905_950_000L)), Map.of());

    private static Report execution(ReportRow row) {
        return new Report(BudgetExecution.TABLE, "430001", 2023, LocalDate.of(2023, 12, 31),
                Instant.parse("2024-01-01T00:00:00Z"), Scale.WANYUAN, List.of(row));
    }
}
