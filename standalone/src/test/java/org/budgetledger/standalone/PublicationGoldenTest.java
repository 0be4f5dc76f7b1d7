package org.budgetledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.budgetledger.testing.HttpApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked example's publication (SPEC §15): the 2023 history of 湖南省交通运输厅科技信息中心 with its disclosure
 * (政府采购, counts), its profile and its 2022 reference tables (the launcher's demo data), posted over HTTP; the
 * 第三部分 情况说明 of the publication of 430001/2023 is compared with the seed report's, figure by figure. Where the
 * seed's text and its own tables agree, the publication prints the seed's figure (compared as numbers: the seed writes
 * 6.6 and 100 where the publication writes 6.60 and 100.00). Where they disagree, the publication prints what the
 * tables say, and the test lists each such figure with the seed's text, the ledger's figure and why (DOMAIN.md §3).
 */
class PublicationGoldenTest extends StandaloneIntegrationTest {

    private static final String UNIT = WorkedExample.UNIT;
    private HttpApi api;

    /** A figure of the seed's 第三部分: where in the text, what the seed's text says, and where the publication says it. */
    private record Figure(String what, String seed, String where) {
    }

    /** A figure where the seed's text contradicts its tables: the ledger prints the tables' figure. */
    private record Disagreement(String what, String seed, String ledger, String why) {
    }

    @BeforeEach
    void postTheWorkedExample() {
        api = new HttpApi(port);
        WorkedExample.post(api);
    }

    @Test
    void the_third_part_reproduces_the_seeds_figures_wherever_its_text_and_tables_agree() {
        JsonNode publication = api.get("/api/v1/publications/" + UNIT + "/2023?format=json&scope=unit").body();
        Map<String, String> figures = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        for (JsonNode section : part(publication, "statements").path("sections")) {
            for (JsonNode paragraph : section.path("paragraphs")) {
                for (JsonNode segment : paragraph.path("segments")) {
                    if (segment.path("type").asText().equals("figure")) {
                        figures.putIfAbsent(segment.path("figure").asText(), segment.path("text").asText());
                    }
                    text.append(segment.path("text").asText());
                }
                text.append('\n');
            }
        }

        List<String> disagreements = new ArrayList<>();
        int agreed = 0;
        for (Figure figure : SEED) {
            String ledger = printed(figure.where(), figures, text.toString());
            assertThat(ledger).as(figure.what() + " (" + figure.where() + ") in\n" + text).isNotNull();
            if (new BigDecimal(ledger).compareTo(new BigDecimal(figure.seed())) == 0) {
                agreed++;
            } else {
                disagreements.add(figure.what() + ": seed " + figure.seed() + ", ledger " + ledger);
            }
        }

        assertThat(disagreements).containsExactlyElementsOf(DISAGREEMENTS.stream()
                .map(disagreement -> disagreement.what() + ": seed " + disagreement.seed() + ", ledger " + disagreement.ledger()).toList());
        assertThat(agreed).isEqualTo(SEED.size() - DISAGREEMENTS.size()).isGreaterThan(70);
        assertThat(text).contains("本单位无政府性基金收支。", "本单位为公益一类事业单位，无行政机关运行经费支出。",
                "全年未安排因公出国（境）", "全年未召开会议");
    }

    /** The figure {@code figure:name} prints, or the first group of the pattern in the text. */
    private static String printed(String where, Map<String, String> figures, String text) {
        if (where.startsWith("figure:")) {
            return figures.get(where.substring("figure:".length()));
        }
        Matcher matcher = Pattern.compile(where).matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static JsonNode part(JsonNode publication, String key) {
        for (JsonNode part : publication.path("parts")) {
            if (part.path("key").asText().equals(key)) {
                return part;
            }
        }
        throw new AssertionError("no part " + key);
    }

    private static final String N = "([0-9]+(?:\\.[0-9]+)?)";

    /** Every figure of the seed's 第三部分 (说明一 to 说明十二) the publication states, with where it states it. */
    private static final List<Figure> SEED = List.of(
            new Figure("说明一 资金来源总计", "9234.69", "figure:total"),
            new Figure("说明一 本年收入", "7906.02", "figure:income_total"),
            new Figure("说明一 年初结转和结余", "1328.67", "figure:opening"),
            new Figure("说明一 非财政拨款结余", "8.29", "figure:reserve_used"),
            new Figure("说明一 本年支出", "7939.42", "figure:expenditure_total"),
            new Figure("说明一 年末结转和结余", "1295.27", "figure:closing"),
            new Figure("说明一 较2022年减少", "9817.03", "figure:total_change"),
            new Figure("说明一 减少率", "51.53", "figure:total_change_pct"),
            new Figure("说明二 财政拨款收入", "7905.95", "财政拨款收入" + N + "万元，占"),
            new Figure("说明二 财政拨款收入占比", "99.99", "财政拨款收入[0-9.]+万元，占" + N + "%"),
            new Figure("说明二 其他收入", "0.07", "其他收入" + N + "万元，占"),
            new Figure("说明二 其他收入占比", "0.01", "其他收入[0-9.]+万元，占" + N + "%"),
            new Figure("说明三 基本支出", "945.35", "基本支出" + N + "万元，占"),
            new Figure("说明三 基本支出占比", "11.91", "基本支出[0-9.]+万元，占" + N + "%"),
            new Figure("说明三 项目支出", "6994.07", "项目支出" + N + "万元，占"),
            new Figure("说明三 项目支出占比", "88.09", "项目支出[0-9.]+万元，占" + N + "%"),
            new Figure("说明四 财政拨款资金来源总计", "9226.33", "figure:fiscal_total"),
            new Figure("说明四 本年收入", "7905.95", "figure:fiscal_income"),
            new Figure("说明四 年初财政拨款结转和结余", "1320.38", "figure:fiscal_opening"),
            new Figure("说明四 本年支出", "7931.13", "figure:fiscal_expenditure"),
            new Figure("说明四 年末财政拨款结转和结余", "1295.20", "figure:fiscal_closing"),
            new Figure("说明四 较2022年减少", "9825.30", "figure:fiscal_total_change"),
            new Figure("说明四 减少率", "48.43", "figure:fiscal_total_change_pct"),
            new Figure("说明五（一） 财政拨款支出", "7931.13", "figure:general_expenditure"),
            new Figure("说明五（一） 占本年支出合计", "99.90", "figure:general_expenditure_share"),
            new Figure("说明五（一） 较上年减少", "9647.72", "figure:general_expenditure_change"),
            new Figure("说明五（一） 减少率", "54.88", "figure:general_expenditure_change_pct"),
            new Figure("说明五（二） 一般公共服务支出", "40.37", "主要用于以下方面：一般公共服务支出" + N + "万元"),
            new Figure("说明五（二） 一般公共服务支出占比", "0.51", "一般公共服务支出[0-9.]+万元，占" + N + "%"),
            new Figure("说明五（二） 社会保障和就业支出", "64.57", "；社会保障和就业支出" + N + "万元"),
            new Figure("说明五（二） 社会保障和就业支出占比", "0.81", "社会保障和就业支出[0-9.]+万元，占" + N + "%"),
            new Figure("说明五（二） 交通运输支出", "7744.30", "；交通运输支出" + N + "万元"),
            new Figure("说明五（二） 交通运输支出占比", "97.65", "交通运输支出[0-9.]+万元，占" + N + "%"),
            new Figure("说明五（二） 住房保障支出", "81.89", "；住房保障支出" + N + "万元"),
            new Figure("说明五（二） 住房保障支出占比", "1.03", "住房保障支出[0-9.]+万元，占" + N + "%"),
            new Figure("说明五（三） 年初预算数", "3161.50", "figure:general_initial_budget"),
            new Figure("说明五（三） 完成年初预算", "250.87", "figure:general_completion"),
            new Figure("说明五（三） 一般公共服务（类）", "94.85", "一般公共服务支出（类）" + N + "万元"),
            new Figure("说明五（三） 2019999 年初预算", "20", "其他一般公共服务支出（项）：年初预算为" + N + "万元"),
            new Figure("说明五（三） 2019999 支出决算", "12.74", "其他一般公共服务支出（项）：[^\\n]*?支出决算为" + N + "万元"),
            new Figure("说明五（三） 2019999 完成率", "63.7", "其他一般公共服务支出（项）：[^\\n]*?完成年初预算的" + N + "%"),
            new Figure("说明五（三） 2010499 年初预算", "74.85", "其他发展与改革事务支出（项）：年初预算为" + N + "万元"),
            new Figure("说明五（三） 2010499 支出决算", "27.63", "其他发展与改革事务支出（项）：[^\\n]*?支出决算为" + N + "万元"),
            new Figure("说明五（三） 2010499 完成率", "36.91", "其他发展与改革事务支出（项）：[^\\n]*?完成年初预算的" + N + "%"),
            new Figure("说明五（三） 社会保障和就业支出（类）", "64.57", "社会保障和就业支出（类）" + N + "万元"),
            new Figure("说明五（三） 2080505 年初预算", "64.57", "基本养老保险缴费支出（项）：年初预算为" + N + "万元"),
            new Figure("说明五（三） 2080505 支出决算", "64.57", "基本养老保险缴费支出（项）：[^\\n]*?支出决算为" + N + "万元"),
            new Figure("说明五（三） 2080505 完成率", "100", "基本养老保险缴费支出（项）：[^\\n]*?完成年初预算的" + N + "%"),
            new Figure("说明五（三） 交通运输（类）", "2920.19", "交通运输支出（类）" + N + "万元"),
            new Figure("说明五（三） 2140106 支出决算", "170.98", "公路养护（项）：[^\\n]*?支出决算为" + N + "万元"),
            new Figure("说明五（三） 2140109 支出决算", "509.37", "交通运输信息化建设（项）：[^\\n]*?支出决算为" + N + "万元"),
            new Figure("说明五（三） 2140199 年初预算", "2920.19", "其他公路水路运输支出（项）：年初预算为" + N + "万元"),
            new Figure("说明五（三） 2140199 支出决算", "7063.95", "其他公路水路运输支出（项）：[^\\n]*?支出决算为" + N + "万元"),
            new Figure("说明五（三） 住房保障支出（类）", "81.89", "住房保障支出（类）" + N + "万元"),
            new Figure("说明五（三） 2210201 年初预算", "81.89", "住房公积金（项）：年初预算为" + N + "万元"),
            new Figure("说明五（三） 2210201 支出决算", "81.89", "住房公积金（项）：[^\\n]*?支出决算为" + N + "万元"),
            new Figure("说明五（三） 2210201 完成率", "100", "住房公积金（项）：[^\\n]*?完成年初预算的" + N + "%"),
            new Figure("说明六 财政拨款基本支出", "945.35", "figure:basic_total"),
            new Figure("说明六 人员经费", "804.92", "figure:personnel"),
            new Figure("说明六 人员经费占比", "85.15", "figure:personnel_share"),
            new Figure("说明六 公用经费", "140.43", "figure:public"),
            new Figure("说明六 公用经费占比", "14.85", "figure:public_share"),
            new Figure("说明七 三公预算", "6.6", "figure:tp_budget"),
            new Figure("说明七 三公决算", "1.18", "figure:tp_actual"),
            new Figure("说明七 完成预算", "17.88", "figure:tp_rate"),
            new Figure("说明七 因公出国预算", "0", "figure:tp_abroad_budget"),
            new Figure("说明七 因公出国决算", "0", "figure:tp_abroad"),
            new Figure("说明七 因公出国完成", "0", "figure:tp_abroad_rate"),
            new Figure("说明七 公务接待预算", "3", "figure:tp_reception_budget"),
            new Figure("说明七 公务接待决算", "0.33", "figure:tp_reception"),
            new Figure("说明七 公务接待完成", "11", "figure:tp_reception_rate"),
            new Figure("说明七 公务用车购置预算", "0", "figure:tp_vehicle_purchase_budget"),
            new Figure("说明七 公务用车购置决算", "0", "figure:tp_vehicle_purchase"),
            new Figure("说明七 公务用车运行维护预算", "3.6", "figure:tp_vehicle_operation_budget"),
            new Figure("说明七 公务用车运行维护决算", "0.85", "figure:tp_vehicle_operation"),
            new Figure("说明七 公务用车运行维护完成", "23.61", "figure:tp_vehicle_operation_rate"),
            new Figure("说明七 三公较上年减少", "0.83", "figure:tp_actual_change"),
            new Figure("说明七 三公较上年减少率", "41.29", "figure:tp_actual_change_pct"),
            new Figure("说明七 公务接待较上年减少", "0.08", "公务接待费与上年相比减少" + N + "万元"),
            new Figure("说明七 公务接待较上年减少率", "19.51", "公务接待费与上年相比减少[0-9.]+万元，减少" + N + "%"),
            new Figure("说明七 公务用车运行维护较上年减少", "0.75", "公务用车运行维护费与上年相比减少" + N + "万元"),
            new Figure("说明七（二） 公务接待占比", "27.97", "figure:tp_reception_share"),
            new Figure("说明七（二） 因公出国占比", "0", "figure:tp_abroad_share"),
            new Figure("说明七（二） 公务用车占比", "72.03", "figure:tp_vehicle_share"),
            new Figure("说明七（二） 接待团组", "2", "figure:reception_batches"),
            new Figure("说明七（二） 接待人次", "15", "figure:reception_persons"),
            new Figure("说明七（二） 更新公务用车", "0", "figure:vehicles_bought"),
            new Figure("说明七（二） 公务用车保有量", "1", "figure:vehicles_held"),
            new Figure("说明十 会议费", "0", "figure:meetings"),
            new Figure("说明十 培训费", "6", "figure:training"),
            new Figure("说明十一 政府采购支出总额", "2979.23", "figure:procurement_total"),
            new Figure("说明十一 货物", "222.9", "figure:procurement_goods"),
            new Figure("说明十一 工程", "0", "figure:procurement_works"),
            new Figure("说明十一 服务", "2756.33", "figure:procurement_services"),
            new Figure("说明十一 授予中小企业", "0.87", "figure:procurement_sme"),
            new Figure("说明十一 中小企业占比", "0.03", "figure:procurement_sme_share"),
            new Figure("说明十一 授予小微企业", "0.87", "figure:procurement_small_micro"),
            new Figure("说明十一 小微企业占中小企业", "100", "figure:procurement_small_micro_share"),
            new Figure("说明十一 货物授予中小企业占比", "0.39", "figure:procurement_goods_sme_share"),
            new Figure("说明十一 工程授予中小企业占比", "0", "figure:procurement_works_sme_share"),
            new Figure("说明十一 服务授予中小企业占比", "0", "figure:procurement_services_sme_share"),
            new Figure("说明十二 车辆", "1", "figure:vehicles_total"),
            new Figure("说明十二 其他用车", "1", "figure:vehicles_other"),
            new Figure("说明十二 副部（省）级及以上领导用车", "0", "figure:vehicles_ministerial"),
            new Figure("说明十二 100万元以上设备", "4", "figure:equipment_over_1m"));

    /**
     * Where the seed's text contradicts its own tables (DOMAIN.md §3): the publication prints the tables' figure, which
     * is the ledger's.
     */
    private static final List<Disagreement> DISAGREEMENTS = List.of(
            new Disagreement("说明一 年初结转和结余", "1328.67", "1320.38",
                    "DOMAIN.md §3 #1: the text folds 公开01表 row 28 (8.29) into row 29 (1320.38)"),
            new Disagreement("说明二 财政拨款收入占比", "99.99", "100.00",
                    "7905.95 / 7906.02 is 99.999%: the seed plugs 99.99 + 0.01; apportioned, the shares are 100.00 + 0.00"),
            new Disagreement("说明二 其他收入占比", "0.01", "0.00", "0.07 / 7906.02 is 0.0009%"),
            new Disagreement("说明三 项目支出", "6994.07", "6994.06", "a rounding tail: 公开03表 prints 6994.06"),
            new Disagreement("说明四 年末财政拨款结转和结余", "1295.20", "1295.21", "a rounding tail: 公开04表 row 60 prints 1295.21"),
            new Disagreement("说明四 减少率", "48.43", "51.57",
                    "DOMAIN.md §3 #2: 9825.30 / 19051.63 is 51.57%; 48.43% is this year's over last year's"),
            new Disagreement("说明五（一） 较上年减少", "9647.72", "9647.73",
                    "the exact 2023 spending (7931.125x) against 2022's published 17578.85: the seed subtracts the rounded 7931.13"),
            new Disagreement("说明五（二） 交通运输支出", "7744.30", "7744.29", "a rounding tail: 公开05表 prints 7744.29"),
            new Disagreement("说明五（三） 一般公共服务（类）", "94.85", "40.37",
                    "DOMAIN.md §3 #3: 94.85 is the 类's income (公开02表); its spending is 40.37"),
            new Disagreement("说明五（三） 2019999 支出决算", "12.74", "12.75", "a rounding tail: 公开05表 prints 12.75"),
            new Disagreement("说明五（三） 2019999 完成率", "63.7", "63.75", "12.75 / 20 is 63.75%"),
            new Disagreement("说明五（三） 交通运输（类）", "2920.19", "7744.29",
                    "DOMAIN.md §3 #3: 2920.19 is the 年初预算 of 2140199; the 类's spending is 7744.29"),
            new Disagreement("说明五（三） 2140199 支出决算", "7063.95", "7063.94", "a rounding tail: 公开05表 prints 7063.94"),
            new Disagreement("说明七 三公决算", "1.18", "1.17", "a rounding tail: 公开09表 prints 1.17 (its parts print 0.85 + 0.33)"),
            new Disagreement("说明七 完成预算", "17.88", "17.80", "the exact 1.1749 / 6.60; the seed divides its 1.18"),
            new Disagreement("说明七 公务接待完成", "11", "10.83", "the exact 0.325 / 3; the seed divides the printed 0.33"),
            new Disagreement("说明七 三公较上年减少", "0.83", "0.84", "2.01 − 1.1749 = 0.8351; the seed subtracts its 1.18"),
            new Disagreement("说明七 三公较上年减少率", "41.29", "41.55", "0.8351 / 2.01"),
            new Disagreement("说明七 公务接待较上年减少", "0.08", "0.09", "0.41 − 0.325 = 0.085; the seed subtracts the printed 0.33"),
            new Disagreement("说明七 公务接待较上年减少率", "19.51", "20.73", "0.085 / 0.41"),
            new Disagreement("说明七（二） 公务接待占比", "27.97", "27.66", "0.325 / 1.1749; the seed divides 0.33 by its 1.18"),
            new Disagreement("说明七（二） 公务用车占比", "72.03", "72.34", "0.8499 / 1.1749; the seed divides 0.85 by its 1.18"));
}
