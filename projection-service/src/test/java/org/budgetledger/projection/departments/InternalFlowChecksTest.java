package org.budgetledger.projection.departments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.projection.readmodel.InternalFlow;
import org.budgetledger.projection.readmodel.Measure;
import org.budgetledger.projection.reports.Check;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The 内部往来核对 entries of {@code checks} (SPEC §13) in the shape the UI relies on. */
class InternalFlowChecksTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void one_entry_per_payer_receiver_and_direction_naming_a_pair_that_does_not_agree() throws Exception {
        List<Check> checks = InternalFlowChecks.of(List.of(
                new InternalFlow("430000", "430001", Measure.EXPENDITURE, Fund.BUSINESS, Kind.SUBSIDY_AFFILIATE, 10_000),
                new InternalFlow("430001", "430000", Measure.INCOME, Fund.SUPERIOR_SUBSIDY, null, 9_000),
                new InternalFlow("430001", "430000", Measure.EXPENDITURE, Fund.OTHER, Kind.REMIT_SUPERIOR, 500),
                new InternalFlow("430000", "430001", Measure.INCOME, Fund.AFFILIATE, null, 500),
                new InternalFlow("430002", "430000", Measure.INCOME, Fund.SUPERIOR_SUBSIDY, null, 7)),
                code -> code.equals("430000") ? "湖南省交通运输厅" : null);

        assertThat(checks).extracting(Check::payer, Check::receiver, Check::left, Check::right, Check::ok).containsExactly(
                org.assertj.core.groups.Tuple.tuple("430000", "430001", "100.00", "90.00", false),
                org.assertj.core.groups.Tuple.tuple("430000", "430002", "0.00", "0.07", false),
                org.assertj.core.groups.Tuple.tuple("430001", "430000", "5.00", "5.00", true));
        assertThat(checks).allMatch(check -> check.name().equals("内部往来核对"));
        assertThat(checks.get(0).description()).contains("湖南省交通运输厅（430000）", "430001", "对附属单位补助支出", "上级补助收入");
        assertThat(checks.get(2).description()).contains("430000", "430001", "上缴上级支出", "附属单位上缴收入");

        JsonNode pair = JSON.readTree(JSON.writeValueAsString(checks.get(0)));
        assertThat(pair.path("payer").asText()).isEqualTo("430000");
        assertThat(pair.path("receiver").asText()).isEqualTo("430001");
        JsonNode other = JSON.readTree(JSON.writeValueAsString(new Check("1", "01: rows 1–8 = row 27", "1.00", "1.00", true)));
        assertThat(other.has("payer") || other.has("receiver")).as("only the 内部往来核对 entries carry the pair").isFalse();
    }
}
