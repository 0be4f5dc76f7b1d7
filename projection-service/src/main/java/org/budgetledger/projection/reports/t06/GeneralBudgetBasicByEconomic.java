package org.budgetledger.projection.reports.t06;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
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
import org.budgetledger.projection.reports.t05.GeneralBudgetExpenditure;
import org.budgetledger.projection.reports.tables.SubjectRows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * 公开06表 一般公共预算财政拨款基本支出决算明细表: GENERAL_BUDGET money spent as BASIC, per economic code of
 * the form (zeros included), with the 3-digit group rows, {@code personnel_total} (人员经费 = 301 + 303) and
 * {@code public_total} (公用经费 = 302 + 307 + 310 + 399). Basic spending in a group the 2023 form does not
 * print (309 基本建设, 311–313 对企业补助) is not dropped: its group and codes follow 399 in the 公用经费
 * block, and count in {@code public_total}, so that 人员经费 + 公用经费 is always the 基本支出 of 公开05表.
 */
public final class GeneralBudgetBasicByEconomic implements ReportTable {

    public static final Column AMOUNT = Column.amount("amount");
    public static final String PERSONNEL_TOTAL = "personnel_total";
    public static final String PUBLIC_TOTAL = "public_total";

    private static final OfficialForm FORM = new OfficialForm("一般公共预算财政拨款基本支出决算明细表", "公开06表",
            List.of("决算数"), "注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。");

    private record LayoutRow(String group, String code, String name) {
    }

    private static final List<LayoutRow> LAYOUT = read();

    @Override
    public String name() {
        return "T06";
    }

    /** Last of the constants: the constructor may use any of them. */
    public static final GeneralBudgetBasicByEconomic TABLE = new GeneralBudgetBasicByEconomic();

    private GeneralBudgetBasicByEconomic() {
    }

    @Override
    public List<Column> columns() {
        return List.of(AMOUNT);
    }

    @Override
    public OfficialForm officialForm() {
        return FORM;
    }

    @Override
    public List<CsvKey> csvKeys() {
        return List.of(new CsvKey("group", ReportRow::group),
                new CsvKey("economic_code", row -> row.code().equals(row.group()) ? "" : row.code()),
                new CsvKey("economic_name", ReportRow::name));
    }

    private static final List<String> PERSONNEL_GROUPS = List.of("301", "303");
    private static final List<String> PUBLIC_GROUPS = List.of("302", "307", "310", "399");
    private static final FactSelection BASIC_GENERAL_BUDGET = FactSelection.measures(Measure.EXPENDITURE)
            .and(FactSelection.funds(Fund.GENERAL_BUDGET)).and(FactSelection.kinds(Kind.BASIC));
    /** 人员经费: 301 + 303. */
    private static final CellSum PERSONNEL = basic(PERSONNEL_GROUPS.toArray(String[]::new));
    /**
     * 公用经费: every other group — 302, 307, 310, 399 and any the form does not print (309, 311–313, shown after 399
     * when they have spending). A group not shown has nothing to count: its codes' sums are all zero.
     */
    private static final CellSum PUBLIC = CellSum.of(BASIC_GENERAL_BUDGET).minus(PERSONNEL);

    @Override
    public List<ReportRow> rows(ReportInputs inputs) {
        TreeSet<String> extraCodes = extraCodes(inputs);
        List<ReportRow> rows = new ArrayList<>(LAYOUT.size() + extraCodes.size());
        for (LayoutRow row : LAYOUT) {
            if (row.code().equals(PERSONNEL_TOTAL)) {
                List<String> shown = new ArrayList<>(PUBLIC_GROUPS);
                for (String code : extraCodes) {
                    String group = code.substring(0, 3);
                    if (!shown.contains(group)) {
                        shown.add(group);
                        rows.add(row(group, inputs.names().economic(group), "public", basic(group).fen(inputs)));
                    }
                    rows.add(row(code, inputs.names().economic(code), "public", basic(code).fen(inputs)));
                }
            }
            long fen = switch (row.code()) {
                case PERSONNEL_TOTAL -> PERSONNEL.fen(inputs);
                case PUBLIC_TOTAL -> PUBLIC.fen(inputs);
                default -> basic(row.code()).fen(inputs);
            };
            rows.add(row(row.code(), row.name(), row.group(), fen));
        }
        return rows;
    }

    /** A row is an economic code or group (5 or 3 digits, printed by the form or not), {@code personnel_total} or {@code public_total}. */
    @Override
    public Optional<CellSum> cell(String row, Column column) {
        if (!column.equals(AMOUNT)) {
            return Optional.empty();
        }
        return switch (row) {
            case PERSONNEL_TOTAL -> Optional.of(PERSONNEL);
            case PUBLIC_TOTAL -> Optional.of(PUBLIC);
            default -> row.matches("[0-9]{3}|[0-9]{5}") ? Optional.of(basic(row)) : Optional.empty();
        };
    }

    /** Codes with spending whose group the form does not print (309 基本建设, 311–313 …): shown after 399. */
    private static TreeSet<String> extraCodes(ReportInputs inputs) {
        Set<String> printed = LAYOUT.stream().map(LayoutRow::code).collect(Collectors.toSet());
        TreeSet<String> extraCodes = new TreeSet<>();
        inputs.sums().stream().filter(sum -> BASIC_GENERAL_BUDGET.test(sum) && sum.economic() != null && sum.fen() != 0
                        && !printed.contains(sum.economic().substring(0, 3)))
                .forEach(sum -> extraCodes.add(sum.economic()));
        return extraCodes;
    }

    private static ReportRow row(String code, String name, String group, long fen) {
        return new ReportRow(code, name, null, null, group, null, Map.of(AMOUNT, fen));
    }

    /** GENERAL_BUDGET basic expenditure whose economic code is, or falls in the group of, one of the codes. */
    private static CellSum basic(String... codes) {
        return CellSum.of(BASIC_GENERAL_BUDGET.and(FactSelection.economic(codes)));
    }

    /** 人员经费 | 公用经费 (302) | 公用经费 (the other groups), the two totals on the last line. */
    @Override
    public FormLayout layout(Report report) {
        List<ReportRow> personnel = report.rows().stream().filter(row -> "personnel".equals(row.group())).toList();
        List<ReportRow> goods = report.rows().stream().filter(row -> "public".equals(row.group()) && row.code().startsWith("302")).toList();
        List<ReportRow> others = report.rows().stream().filter(row -> "public".equals(row.group()) && !row.code().startsWith("302")).toList();
        FormLayout grid = new FormLayout(FORM, 2, List.of(1, 4, 7));
        grid.add(List.of("人员经费", "", "", "公用经费", "", "", "", "", ""));
        grid.add(List.of("科目代码", "科目名称", "决算数", "科目代码", "科目名称", "决算数", "科目代码", "科目名称", "决算数"));
        grid.merge(0, 0, 0, 2);
        grid.merge(0, 0, 3, 8);
        int height = Math.max(personnel.size(), Math.max(goods.size(), others.size()));
        for (int index = 0; index < height; index++) {
            List<Object> line = new ArrayList<>();
            for (List<ReportRow> block : List.of(personnel, goods, others)) {
                ReportRow row = index < block.size() ? block.get(index) : null;
                line.add(row == null ? "" : row.code());
                line.add(row == null ? "" : row.name());
                line.add(row == null ? "" : report.number(row, AMOUNT));
            }
            grid.add(line);
        }
        ReportRow personnelTotal = byCode(report, PERSONNEL_TOTAL);
        ReportRow publicTotal = byCode(report, PUBLIC_TOTAL);
        grid.add(List.of(personnelTotal.name(), "", report.number(personnelTotal, AMOUNT), publicTotal.name(), "", "", "",
                "", report.number(publicTotal, AMOUNT)));
        return grid;
    }

    private static ReportRow byCode(Report report, String code) {
        return report.rows().stream().filter(row -> code.equals(row.code())).findFirst().orElseThrow();
    }

    @Override
    public List<IdentityGroup> identities() {
        return List.of(new IdentityGroup(130, GeneralBudgetBasicByEconomic::totalsAndGroups));
    }

    private static void totalsAndGroups(Identities checks) {
        checks.equal("20", "05 合计 basic = 06 人员经费 + 公用经费",
                checks.code(GeneralBudgetExpenditure.TABLE, SubjectRows.TOTAL, GeneralBudgetExpenditure.BASIC),
                amount(checks, PERSONNEL_TOTAL) + amount(checks, PUBLIC_TOTAL));
        checks.equal("21a", "06: 人员经费 = 301 + 303", amount(checks, PERSONNEL_TOTAL),
                amount(checks, "301") + amount(checks, "303"));
        List<ReportRow> rows = checks.rows(TABLE);
        checks.equal("21b", "06: 公用经费 = Σ of the 公用经费 groups (302 + 307 + 310 + 399, and any other group shown)",
                amount(checks, PUBLIC_TOTAL), rows.stream()
                        .filter(row -> "public".equals(row.group()) && row.code().length() == 3)
                        .mapToLong(row -> row.fen(AMOUNT)).sum());
        for (ReportRow group : rows) {
            if (group.code().length() == 3) {
                long parts = rows.stream().filter(row -> row.code().length() == 5 && row.code().startsWith(group.code()))
                        .mapToLong(row -> row.fen(AMOUNT)).sum();
                checks.equal("21." + group.code(), "06: " + group.code() + " = Σ of its codes", group.fen(AMOUNT), parts);
            }
        }
    }

    /** The amount of the row with this economic code (or total); 0 when there is none. */
    public static long amount(Identities checks, String code) {
        return checks.code(TABLE, code, AMOUNT);
    }

    private static List<LayoutRow> read() {
        var in = GeneralBudgetBasicByEconomic.class.getResourceAsStream("/reports/t06-layout.csv");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(in), StandardCharsets.UTF_8))) {
            return reader.lines()
                    .filter(line -> !line.startsWith("#") && !line.startsWith("group,"))
                    .map(line -> line.split(",", 3))
                    .map(cells -> new LayoutRow(cells[0], cells[1], cells[2]))
                    .toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
