package org.budgetledger.projection.reports.export;

import org.budgetledger.projection.reports.Report;
import org.budgetledger.projection.reports.ReportRow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FormHtmlTest {

    private static final List<String> COLUMNS = List.of("initial_budget", "full_year_budget", "executed", "rate");

    @Test
    void names_typed_by_users_are_escaped_since_the_page_inserts_the_fragment_as_html() {
        String hostile = "<img src=x onerror=alert(1)>&\"项目\"";
        Report report = execution(new ReportRow(hostile, hostile, null, null, null, "all",
                Map.of("initial_budget", "1.00", "full_year_budget", "2.00", "executed", "1.50", "rate", "75.00")));

        String html = FormHtml.write(report);

        assertThat(html).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;&amp;&quot;项目&quot;");
    }

    @Test
    void amounts_are_printed_as_the_api_gives_them_in_cells_of_their_own() {
        Report report = execution(new ReportRow("TOTAL", "合计", null, null, null, "all",
                Map.of("initial_budget", "4481.88", "full_year_budget", "9234.62", "executed", "7939.42", "rate", "85.97")));

        String html = FormHtml.write(report);

        for (String amount : List.of("4481.88", "9234.62", "7939.42", "85.97")) {
            assertThat(html).contains("<td class=\"amount\">" + amount + "</td>");
        }
        assertThat(html).contains("<h2>预算执行情况</h2>").contains("金额单位：万元").contains(OfficialForm.ROUNDING_NOTE);
    }

    private static Report execution(ReportRow row) {
        return new Report("execution", "430001", 2023, LocalDate.of(2023, 12, 31), Instant.parse("2024-01-01T00:00:00Z"),
                "wanyuan", COLUMNS, List.of(row));
    }
}
