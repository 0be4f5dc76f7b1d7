package org.budgetledger.projection.reports.export;

import org.budgetledger.projection.reports.OfficialForm;
import org.budgetledger.projection.reports.Report;
import org.budgetledger.projection.reports.ReportRow;
import org.budgetledger.projection.reports.Scale;
import org.budgetledger.projection.reports.execution.BudgetExecution;
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
    void amounts_are_printed_as_the_api_gives_them_in_cells_of_their_own() {
        // 万元 rounded half-up per cell: 4,481,884,900 分 is 4481.88 万元; the rate is computed from the 分
        Report report = execution(new ReportRow("TOTAL", "合计", null, null, null, "all", Map.of(
                BudgetExecution.INITIAL_BUDGET, 4_481_884_900L, BudgetExecution.FULL_YEAR_BUDGET, 9_234_615_000L,
                BudgetExecution.EXECUTED, 7_939_424_999L)));

        String html = FormHtml.write(report);

        for (String amount : List.of("4481.88", "9234.62", "7939.42", "85.97")) {
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

    private static Report execution(ReportRow row) {
        return new Report(BudgetExecution.TABLE, "430001", 2023, LocalDate.of(2023, 12, 31),
                Instant.parse("2024-01-01T00:00:00Z"), Scale.WANYUAN, List.of(row));
    }
}
