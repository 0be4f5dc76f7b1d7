package org.budgetledger.projection.publication;

import org.budgetledger.contracts.codes.ProcurementCategory;
import org.budgetledger.contracts.codes.UnitType;
import org.budgetledger.contracts.codes.VehicleUse;
import org.budgetledger.contracts.events.AssetHoldings;
import org.budgetledger.contracts.events.PerformanceResult;
import org.budgetledger.contracts.events.UnitYearProfileSet;
import org.budgetledger.projection.reports.Column;
import org.budgetledger.projection.reports.ReportRow;
import org.budgetledger.projection.reports.execution.BudgetExecution;
import org.budgetledger.projection.reports.t07.GovFund;
import org.budgetledger.projection.reports.t09.ThreePublicExpenditure;
import org.budgetledger.projection.reports.tables.SubjectRows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The figures of 说明七 to 说明十三 and of 第一部分 (SPEC §15): 三公 against its budget and last year, with the counts
 * of what it paid for; 政府性基金; 机关运行经费; 会议费 and 培训费; 政府采购; 国有资产; 绩效; and the unit's profile and
 * composition. Amounts are cells of the tables ({@link YearTables}); counts and the 政府采购 split are the payments'
 * disclosure ({@link DisclosureSums}); the rest is the unit-year's profile.
 */
final class DisclosureFigures {

    /** The 三公 categories as 公开09表's columns, with the figure names' stems. */
    private static final Map<String, Column> THREE_PUBLIC = Map.of("abroad", ThreePublicExpenditure.ABROAD,
            "reception", ThreePublicExpenditure.RECEPTION, "vehicle", ThreePublicExpenditure.VEHICLE_SUBTOTAL,
            "vehicle_purchase", ThreePublicExpenditure.VEHICLE_PURCHASE, "vehicle_operation", ThreePublicExpenditure.VEHICLE_OPERATION);
    /** The categories a sentence compares with last year, in the order the 说明 says them. */
    private static final Map<String, String> CATEGORY_LABELS = labels();
    private static final Map<UnitType, String> TYPE_NAMES = Map.of(UnitType.ADMINISTRATIVE, "行政单位",
            UnitType.CIVIL_SERVICE_MANAGED, "参照公务员法管理事业单位", UnitType.PUBLIC_SERVICE_1, "公益一类事业单位",
            UnitType.PUBLIC_SERVICE_2, "公益二类事业单位", UnitType.SELF_FUNDED, "经费自理事业单位", UnitType.OTHER, "预算单位");

    /** What a publication knows of its unit beyond the tables. */
    record Unit(String name, UnitType type, List<String> departmentUnitNames, boolean department, long runningCostsFen,
                boolean hasRunningCosts) {
    }

    private DisclosureFigures() {
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        labels.put("abroad", "因公出国（境）费");
        labels.put("reception", "公务接待费");
        labels.put("vehicle_purchase", "公务用车购置费");
        labels.put("vehicle_operation", "公务用车运行维护费");
        return labels;
    }

    static void add(FigureBook book, YearTables tables, Optional<YearTables> previous, DisclosureSums sums,
                    Optional<UnitYearProfileSet> profile, Unit unit) {
        threePublic(book, tables, previous, sums, profile);
        ReportRow govFund = tables.subject("T07", SubjectRows.TOTAL).orElse(new ReportRow(null, null, null, null, null, null, Map.of()));
        book.amount("gf_opening", govFund.fen(GovFund.OPENING)).amount("gf_income", govFund.fen(GovFund.INCOME))
                .amount("gf_expenditure", govFund.fen(GovFund.EXPENDITURE_TOTAL)).amount("gf_closing", govFund.fen(GovFund.CLOSING))
                .flag("has_gov_fund", govFund.fen().values().stream().anyMatch(fen -> fen != 0));
        book.text("unit_type_name", TYPE_NAMES.get(unit.type())).flag("has_running_costs", unit.hasRunningCosts())
                .amount("running_costs", unit.runningCostsFen());
        generalSpending(book, tables, sums);
        procurement(book, sums);
        assets(book, profile.map(UnitYearProfileSet::assets));
        performance(book, tables, profile);
        book.text("unit_name", unit.name()).flag("is_department", unit.department())
                .count("dept_unit_count", unit.departmentUnitNames().size())
                .text("dept_units", String.join("、", unit.departmentUnitNames()))
                .text("functions", profile.map(UnitYearProfileSet::functions).orElse(""))
                .flag("has_functions", profile.map(UnitYearProfileSet::functions).isPresent())
                .text("organisation", profile.map(UnitYearProfileSet::organisation).orElse(""))
                .flag("has_organisation", profile.map(UnitYearProfileSet::organisation).isPresent());
    }

    /** 说明七: 三公 budget and spending (公开09表), by category, against last year's, with what it paid for. */
    private static void threePublic(FigureBook book, YearTables tables, Optional<YearTables> previous, DisclosureSums sums,
                                    Optional<UnitYearProfileSet> profile) {
        long budget = tables.threePublic("budget", ThreePublicExpenditure.TOTAL).orElse(0L);
        long actual = tables.threePublic("actual", ThreePublicExpenditure.TOTAL).orElse(0L);
        book.amount("tp_budget", budget).percent("tp_rate", Shares.of(actual, budget)).flag("tp_below_budget", actual < budget)
                .flag("tp_above_budget", actual > budget)
                .compare("tp_actual", actual, previous.flatMap(last -> last.threePublic("actual", ThreePublicExpenditure.TOTAL)));
        THREE_PUBLIC.forEach((stem, column) -> {
            long categoryBudget = tables.threePublic("budget", column).orElse(0L);
            long categoryActual = tables.threePublic("actual", column).orElse(0L);
            book.amount("tp_" + stem + "_budget", categoryBudget).percent("tp_" + stem + "_rate", Shares.of(categoryActual, categoryBudget))
                    .compare("tp_" + stem, categoryActual, previous.flatMap(last -> last.threePublic("actual", column)));
        });
        List<Figure.Item> categories = new ArrayList<>();
        for (Map.Entry<String, String> category : CATEGORY_LABELS.entrySet()) {
            Column column = THREE_PUBLIC.get(category.getKey());
            Optional<Long> last = previous.flatMap(table -> table.threePublic("actual", column));
            if (last.isPresent()) {
                categories.add(FigureBook.item(category.getKey(), new FigureBook().text("label", category.getValue())
                        .compare("actual", tables.threePublic("actual", column).orElse(0L), last)));
            }
        }
        book.items("tp_categories", categories);
        book.flag("has_abroad", tables.threePublic("actual", ThreePublicExpenditure.ABROAD).orElse(0L) != 0
                        || sums.counted("30212").count() != 0)
                .flag("has_reception", tables.threePublic("actual", ThreePublicExpenditure.RECEPTION).orElse(0L) != 0
                        || sums.counted("30217").count() != 0)
                .flag("has_vehicle_operation", tables.threePublic("actual", ThreePublicExpenditure.VEHICLE_OPERATION).orElse(0L) != 0);
        List<BigDecimal> shares = Shares.apportioned(List.of(tables.threePublic("actual", ThreePublicExpenditure.RECEPTION).orElse(0L),
                tables.threePublic("actual", ThreePublicExpenditure.ABROAD).orElse(0L),
                tables.threePublic("actual", ThreePublicExpenditure.VEHICLE_SUBTOTAL).orElse(0L)));
        book.percent("tp_reception_share", shares.get(0)).percent("tp_abroad_share", shares.get(1))
                .percent("tp_vehicle_share", shares.get(2));
        DisclosureSums.Counted abroad = sums.counted("30212");
        DisclosureSums.Counted reception = sums.counted("30217");
        book.count("abroad_groups", abroad.count()).count("abroad_persons", abroad.persons())
                .count("reception_batches", reception.count()).count("reception_persons", reception.persons())
                .count("vehicles_bought", sums.counted("31013", "30913").count());
        Optional<Integer> held = profile.map(UnitYearProfileSet::assets).map(AssetHoldings::vehicles).map(vehicles -> vehicles.total());
        book.flag("has_vehicles_held", held.isPresent()).count("vehicles_held", held.orElse(0));
    }

    /** 说明十: 会议费 and 培训费 of fiscal money (all kinds), with the meetings and classes counted. */
    private static void generalSpending(FigureBook book, YearTables tables, DisclosureSums sums) {
        long meetings = tables.fiscalSpendingByEconomicFen().getOrDefault("30215", 0L);
        long training = tables.fiscalSpendingByEconomicFen().getOrDefault("30216", 0L);
        DisclosureSums.Counted meetingCounts = sums.counted("30215");
        DisclosureSums.Counted trainingCounts = sums.counted("30216");
        book.amount("meetings", meetings).count("meeting_count", meetingCounts.count()).count("meeting_persons", meetingCounts.persons())
                .flag("has_meetings", meetings != 0 || meetingCounts.count() != 0)
                .amount("training", training).count("training_count", trainingCounts.count())
                .count("training_persons", trainingCounts.persons()).flag("has_training", training != 0 || trainingCounts.count() != 0);
    }

    /** 说明十一: 政府采购 by category, and what was awarded to 中小企业 and 小微企业, with their shares. */
    private static void procurement(FigureBook book, DisclosureSums sums) {
        long total = 0;
        long sme = 0;
        long smallMicro = 0;
        for (ProcurementCategory category : ProcurementCategory.values()) {
            String stem = "procurement_" + category.name().toLowerCase();
            long amount = sums.procurementFen(category);
            book.amount(stem, amount).amount(stem + "_sme", sums.smeFen(category))
                    .percent(stem + "_sme_share", Shares.of(sums.smeFen(category), amount));
            total += amount;
            sme += sums.smeFen(category);
            smallMicro += sums.smallMicroFen(category);
        }
        book.amount("procurement_total", total).flag("has_procurement", total != 0)
                .amount("procurement_sme", sme).percent("procurement_sme_share", Shares.of(sme, total))
                .amount("procurement_small_micro", smallMicro).percent("procurement_small_micro_share", Shares.of(smallMicro, sme));
    }

    /** 说明十二: the 国有资产 held at year end, as the profile says. */
    private static void assets(FigureBook book, Optional<AssetHoldings> assets) {
        Optional<org.budgetledger.contracts.events.VehicleHoldings> vehicles = assets.map(AssetHoldings::vehicles);
        book.flag("has_vehicles", vehicles.isPresent()).count("vehicles_total", vehicles.map(held -> (long) held.total()).orElse(0L))
                .flag("has_other_vehicles", vehicles.map(held -> held.byType() != null && held.byType().getOrDefault(VehicleUse.OTHER, 0) > 0)
                        .orElse(false));
        for (VehicleUse use : VehicleUse.values()) {
            book.count("vehicles_" + use.name().toLowerCase(), vehicles.map(held -> held.byType() == null ? 0
                    : held.byType().getOrDefault(use, 0)).orElse(0));
        }
        Optional<Integer> over1m = assets.map(AssetHoldings::equipmentOver1m);
        Optional<Integer> over500k = assets.map(AssetHoldings::equipmentOver500k);
        book.flag("has_equipment_over_1m", over1m.isPresent()).count("equipment_over_1m", over1m.orElse(0))
                .flag("has_equipment_over_500k", over500k.isPresent()).count("equipment_over_500k", over500k.orElse(0));
    }

    /** 说明十三: the year's execution (the execution report's 合计) and the 绩效自评 results of the profile. */
    private static void performance(FigureBook book, YearTables tables, Optional<UnitYearProfileSet> profile) {
        ReportRow total = tables.rows("execution").stream().filter(row -> SubjectRows.TOTAL.equals(row.code()) && "all".equals(row.part()))
                .findFirst().orElse(new ReportRow(null, null, null, null, null, null, Map.of()));
        long budget = total.fen(BudgetExecution.FULL_YEAR_BUDGET);
        long executed = total.fen(BudgetExecution.EXECUTED);
        book.amount("exec_budget", budget).amount("exec_executed", executed).percent("exec_rate", Shares.of(executed, budget));
        List<Figure.Item> results = new ArrayList<>();
        List<PerformanceResult> performance = profile.map(UnitYearProfileSet::performance).orElse(List.of());
        for (int index = 0; index < performance.size(); index++) {
            PerformanceResult result = performance.get(index);
            FigureBook item = new FigureBook().text("project", result.project()).flag("has_score", result.score() != null)
                    .text("score", result.score() == null ? "" : result.score().stripTrailingZeros().toPlainString())
                    .flag("has_grade", result.grade() != null).text("grade", result.grade() == null ? "" : result.grade());
            results.add(FigureBook.item(Integer.toString(index + 1), item));
        }
        book.items("performance", results).flag("has_performance", !results.isEmpty());
    }
}
