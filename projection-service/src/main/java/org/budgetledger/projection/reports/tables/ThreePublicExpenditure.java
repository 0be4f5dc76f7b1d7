package org.budgetledger.projection.reports.tables;

import org.budgetledger.contracts.codes.ThreePublicCategory;
import org.budgetledger.projection.readmodel.Measure;
import org.budgetledger.projection.reports.ReportInputs;
import org.budgetledger.projection.reports.ReportRow;
import org.budgetledger.projection.reports.ReportTable;
import org.budgetledger.projection.reports.Scale;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * 公开09表 财政拨款"三公"经费支出决算表: {@code budget} = the limit in force per category at asOf;
 * {@code actual} = fiscal spending per category (any kind, any origin), by economic code.
 */
public final class ThreePublicExpenditure implements ReportTable {

    @Override
    public String name() {
        return "T09";
    }

    @Override
    public List<String> columns() {
        return List.of("total", "abroad", "vehicle_subtotal", "vehicle_purchase", "vehicle_operation", "reception");
    }

    @Override
    public List<ReportRow> rows(ReportInputs inputs, Scale scale) {
        Map<ThreePublicCategory, Long> actual = new EnumMap<>(ThreePublicCategory.class);
        for (ThreePublicCategory category : ThreePublicCategory.values()) {
            actual.put(category, inputs.sum(Measure.EXPENDITURE, sum -> sum.fund().isFiscal() && sum.economic() != null
                    && ThreePublicCategory.ofEconomic(sum.economic()).orElse(null) == category));
        }
        return List.of(row("budget", "预算数", inputs::limitFen, scale), row("actual", "决算数", actual::get, scale));
    }

    private static ReportRow row(String code, String name, ToLongFunction<ThreePublicCategory> fen, Scale scale) {
        long abroad = fen.applyAsLong(ThreePublicCategory.ABROAD);
        long purchase = fen.applyAsLong(ThreePublicCategory.VEHICLE_PURCHASE);
        long operation = fen.applyAsLong(ThreePublicCategory.VEHICLE_OPERATION);
        long reception = fen.applyAsLong(ThreePublicCategory.RECEPTION);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("total", scale.format(abroad + purchase + operation + reception));
        values.put("abroad", scale.format(abroad));
        values.put("vehicle_subtotal", scale.format(purchase + operation));
        values.put("vehicle_purchase", scale.format(purchase));
        values.put("vehicle_operation", scale.format(operation));
        values.put("reception", scale.format(reception));
        return ReportRow.coded(code, name, values);
    }
}
