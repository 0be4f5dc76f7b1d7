package org.budgetledger.projection.reports.t09;

import org.budgetledger.contracts.codes.ThreePublicCategory;
import org.budgetledger.projection.readmodel.CellSum;
import org.budgetledger.projection.readmodel.FactSelection;
import org.budgetledger.projection.readmodel.Measure;
import org.budgetledger.projection.readmodel.ReportInputs;
import org.budgetledger.projection.reports.Column;
import org.budgetledger.projection.reports.CsvKey;
import org.budgetledger.projection.reports.FormLayout;
import org.budgetledger.projection.reports.IdentityGroup;
import org.budgetledger.projection.reports.Identities;
import org.budgetledger.projection.reports.OfficialForm;
import org.budgetledger.projection.reports.Report;
import org.budgetledger.projection.reports.ReportRow;
import org.budgetledger.projection.reports.ReportTable;
import org.budgetledger.projection.reports.t06.GeneralBudgetBasicByEconomic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * 公开09表 财政拨款"三公"经费支出决算表: {@code budget} = the limit in force per category at asOf;
 * {@code actual} = fiscal spending per category (any kind, any origin), by economic code.
 */
public final class ThreePublicExpenditure implements ReportTable {

    public static final Column TOTAL = Column.amount("total");
    public static final Column ABROAD = Column.amount("abroad");
    public static final Column VEHICLE_SUBTOTAL = Column.amount("vehicle_subtotal");
    public static final Column VEHICLE_PURCHASE = Column.amount("vehicle_purchase");
    public static final Column VEHICLE_OPERATION = Column.amount("vehicle_operation");
    public static final Column RECEPTION = Column.amount("reception");
    private static final List<Column> TABLE_COLUMNS = List.of(TOTAL, ABROAD, VEHICLE_SUBTOTAL, VEHICLE_PURCHASE,
            VEHICLE_OPERATION, RECEPTION);

    private static final OfficialForm FORM = new OfficialForm("财政拨款“三公”经费支出决算表", "公开09表", List.of("合计",
            "因公出国（境）费", "小计", "公务用车购置费", "公务用车运行维护费", "公务接待费"),
            "注：本表反映部门本年度财政拨款“三公”经费支出预决算情况。其中，预算数为“三公”经费全年预算数，反映按规定程序调整后的预算数；"
                    + "决算数是包括当年财政拨款和以前年度结转资金安排的实际支出。");

    /** The categories each column adds up. */
    private static final Map<Column, List<ThreePublicCategory>> COLUMN_CATEGORIES = Map.of(
            TOTAL, List.of(ThreePublicCategory.ABROAD, ThreePublicCategory.VEHICLE_PURCHASE,
                    ThreePublicCategory.VEHICLE_OPERATION, ThreePublicCategory.RECEPTION),
            ABROAD, List.of(ThreePublicCategory.ABROAD),
            VEHICLE_SUBTOTAL, List.of(ThreePublicCategory.VEHICLE_PURCHASE, ThreePublicCategory.VEHICLE_OPERATION),
            VEHICLE_PURCHASE, List.of(ThreePublicCategory.VEHICLE_PURCHASE),
            VEHICLE_OPERATION, List.of(ThreePublicCategory.VEHICLE_OPERATION),
            RECEPTION, List.of(ThreePublicCategory.RECEPTION));

    /** Last of the constants: the constructor may use any of them. */
    public static final ThreePublicExpenditure TABLE = new ThreePublicExpenditure();

    private ThreePublicExpenditure() {
    }

    @Override
    public String name() {
        return "T09";
    }

    @Override
    public List<Column> columns() {
        return TABLE_COLUMNS;
    }

    @Override
    public OfficialForm officialForm() {
        return FORM;
    }

    @Override
    public List<CsvKey> csvKeys() {
        return List.of(new CsvKey("kind", ReportRow::code));
    }

    @Override
    public List<ReportRow> rows(ReportInputs inputs) {
        return List.of(row("budget", "预算数", category -> budget(category).fen(inputs)),
                row("actual", "决算数", category -> actual(category).fen(inputs)));
    }

    private static ReportRow row(String code, String name, ToLongFunction<ThreePublicCategory> fen) {
        Map<Column, Long> cells = new LinkedHashMap<>();
        for (Column column : TABLE_COLUMNS) {
            long cell = 0;
            for (ThreePublicCategory category : COLUMN_CATEGORIES.get(column)) {
                cell = Math.addExact(cell, fen.applyAsLong(category));
            }
            cells.put(column, cell);
        }
        return ReportRow.coded(code, name, cells);
    }

    /** A row is {@code budget} (the limits in force) or {@code actual} (fiscal spending); a column a category or a total. */
    @Override
    public Optional<CellSum> cell(String row, Column column) {
        Function<ThreePublicCategory, CellSum> of = switch (row) {
            case "budget" -> ThreePublicExpenditure::budget;
            case "actual" -> ThreePublicExpenditure::actual;
            default -> null;
        };
        List<ThreePublicCategory> categories = COLUMN_CATEGORIES.get(column);
        if (of == null || categories == null) {
            return Optional.empty();
        }
        return categories.stream().map(of).reduce(CellSum::plus);
    }

    /** 预算数: the limit in force. */
    private static CellSum budget(ThreePublicCategory category) {
        return CellSum.limit(category);
    }

    /** 决算数: fiscal spending (any kind, any origin) on the category's economic codes. */
    private static CellSum actual(ThreePublicCategory category) {
        return CellSum.of(FactSelection.measures(Measure.EXPENDITURE).and(FactSelection.fiscal(true))
                .and(FactSelection.economic(category.economicCodes().toArray(String[]::new))));
    }

    /** The 预算数 half and the 决算数 half, with the vehicle columns under 公务用车购置及运行维护费. */
    @Override
    public FormLayout layout(Report report) {
        FormLayout grid = new FormLayout(FORM, 4, List.of());
        List<Object> halves = new ArrayList<>();
        List<Object> labels = new ArrayList<>();
        List<Object> vehicles = new ArrayList<>();
        for (String half : List.of("预算数", "决算数")) {
            halves.addAll(List.of(half, "", "", "", "", ""));
            labels.addAll(List.of("合计", "因公出国（境）费", "公务用车购置及运行维护费", "", "", "公务接待费"));
            vehicles.addAll(List.of("", "", "小计", "公务用车购置费", "公务用车运行维护费", ""));
        }
        grid.add(halves);
        grid.add(labels);
        grid.add(vehicles);
        List<Object> numbers = new ArrayList<>();
        for (int column = 1; column <= 12; column++) {
            numbers.add(Integer.toString(column));
        }
        grid.add(numbers);
        for (int half = 0; half < 2; half++) {
            int offset = half * 6;
            grid.merge(0, 0, offset, offset + 5);
            grid.merge(1, 1, offset + 2, offset + 4);
            grid.merge(1, 2, offset, offset);
            grid.merge(1, 2, offset + 1, offset + 1);
            grid.merge(1, 2, offset + 5, offset + 5);
        }
        List<Object> values = new ArrayList<>();
        for (String code : List.of("budget", "actual")) {
            ReportRow row = report.rows().stream().filter(candidate -> code.equals(candidate.code())).findFirst().orElseThrow();
            columns().forEach(column -> values.add(report.number(row, column)));
        }
        grid.add(values);
        return grid;
    }

    @Override
    public List<IdentityGroup> identities() {
        return List.of(new IdentityGroup(140, ThreePublicExpenditure::subtotalsAndAgainstBasic));
    }

    private static void subtotalsAndAgainstBasic(Identities checks) {
        for (String row : List.of("budget", "actual")) {
            checks.equal("24a." + row, "09 " + row + ": total = abroad + vehicle_subtotal + reception", cell(checks, row, TOTAL),
                    cell(checks, row, ABROAD) + cell(checks, row, VEHICLE_SUBTOTAL) + cell(checks, row, RECEPTION));
            checks.equal("24b." + row, "09 " + row + ": vehicle_subtotal = purchase + operation", cell(checks, row, VEHICLE_SUBTOTAL),
                    cell(checks, row, VEHICLE_PURCHASE) + cell(checks, row, VEHICLE_OPERATION));
        }
        record Pair(String economic, Column category) {
        }
        for (Pair pair : List.of(new Pair("30212", ABROAD), new Pair("30217", RECEPTION), new Pair("30231", VEHICLE_OPERATION),
                new Pair("31013", VEHICLE_PURCHASE))) {
            long basic = GeneralBudgetBasicByEconomic.amount(checks, pair.economic());
            long actual = cell(checks, "actual", pair.category());
            checks.add(Identities.check("25." + pair.economic(), "06 " + pair.economic() + " ≤ 09 actual " + pair.category().key(),
                    basic, actual, basic <= actual));
        }
    }

    private static long cell(Identities checks, String row, Column column) {
        return checks.code(TABLE, row, column);
    }
}
