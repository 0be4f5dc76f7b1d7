package org.budgetledger.projection.reports;

import org.budgetledger.projection.readmodel.ReportPeriod;
import org.budgetledger.projection.reports.api.ExampleUnitYear;
import org.budgetledger.projection.reports.catalog.ConsistencyChecks;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Each identity says, in Chinese, the 审核公式 it is, and which table's identities it is. */
class ChecksFormulaTest {

    private static final List<Check> CHECKS = ConsistencyChecks.evaluate(new ExampleUnitYear().inputs(
            new ReportPeriod(LocalDate.of(2023, 12, 31), Instant.parse("2024-06-30T00:00:00Z"))));

    @Test
    void every_identity_reads_as_the_audit_formula_in_chinese_with_its_table() {
        assertThat(CHECKS).isNotEmpty().allSatisfy(check -> {
            assertThat(check.formula()).as(check.name()).startsWith("表").doesNotContainPattern("[A-Za-z]");
            assertThat(check.table()).as(check.name()).matches("T0[1-9]");
        });
        Map<String, String> formulas = CHECKS.stream().collect(Collectors.toMap(Check::name, Check::formula));
        assertThat(formulas).containsEntry("1", "表1第27行 = 第1至8行之和")
                .containsEntry("11b", "表4第32行 = 第64行")
                .containsEntry("12.general_budget", "表4第59行“一般公共预算财政拨款”栏 = 第33至58行（26个类）之和")
                .containsEntry("23b", "表4第59行“国有资本经营预算财政拨款”栏 = 表8合计行“合计”栏")
                .containsEntry("24a.actual", "表9决算数：合计 = 因公出国（境）费 + 公务用车购置及运行费小计 + 公务接待费");
        assertThat(CHECKS).filteredOn(check -> check.name().equals("6a")).singleElement()
                .extracting(Check::table).isEqualTo("T02");
    }
}
