package org.budgetledger.projection.reports.tables;

import org.budgetledger.contracts.catalog.CatalogNames;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.projection.readmodel.Measure;
import org.budgetledger.projection.reports.FactSum;
import org.budgetledger.projection.reports.ReportInputs;
import org.budgetledger.projection.reports.ReportRow;
import org.budgetledger.projection.reports.ReportTable;
import org.budgetledger.projection.reports.Scale;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    private record LayoutRow(String group, String code, String name) {
    }

    private static final List<LayoutRow> LAYOUT = read();

    @Override
    public String name() {
        return "T06";
    }

    @Override
    public List<String> columns() {
        return List.of("amount");
    }

    private static final List<String> PERSONNEL_GROUPS = List.of("301", "303");

    @Override
    public List<ReportRow> rows(ReportInputs inputs, Scale scale) {
        Set<String> printed = LAYOUT.stream().map(LayoutRow::code).collect(Collectors.toSet());
        TreeSet<String> extraCodes = new TreeSet<>();
        inputs.sums().stream().filter(sum -> isBasicGeneralBudget(sum) && sum.economic() != null && sum.fen() != 0
                        && !printed.contains(sum.economic().substring(0, 3)))
                .forEach(sum -> extraCodes.add(sum.economic()));
        List<String> publicGroups = new ArrayList<>(List.of("302", "307", "310", "399"));
        List<ReportRow> rows = new ArrayList<>(LAYOUT.size() + extraCodes.size());
        for (LayoutRow row : LAYOUT) {
            if (row.code().equals("personnel_total")) {
                for (String code : extraCodes) {
                    String group = code.substring(0, 3);
                    if (!publicGroups.contains(group)) {
                        publicGroups.add(group);
                        rows.add(row(group, CatalogNames.economic().getOrDefault(group, group), "public", basic(inputs, group), scale));
                    }
                    rows.add(row(code, CatalogNames.economic().getOrDefault(code, code), "public", basic(inputs, code), scale));
                }
            }
            long fen = switch (row.code()) {
                case "personnel_total" -> PERSONNEL_GROUPS.stream().mapToLong(group -> basic(inputs, group)).sum();
                case "public_total" -> publicGroups.stream().mapToLong(group -> basic(inputs, group)).sum();
                default -> basic(inputs, row.code());
            };
            rows.add(row(row.code(), row.name(), row.group(), fen, scale));
        }
        return rows;
    }

    private static ReportRow row(String code, String name, String group, long fen, Scale scale) {
        return new ReportRow(code, name, null, null, group, null, Map.of("amount", scale.format(fen)));
    }

    private static boolean isBasicGeneralBudget(FactSum sum) {
        return sum.measure() == Measure.EXPENDITURE && sum.fund() == Fund.GENERAL_BUDGET && sum.kind() == Kind.BASIC;
    }

    /** GENERAL_BUDGET basic expenditure whose economic code is, or falls in the group of, {@code code}. */
    private static long basic(ReportInputs inputs, String code) {
        return inputs.sum(sum -> isBasicGeneralBudget(sum) && sum.economic() != null && sum.economic().startsWith(code));
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
