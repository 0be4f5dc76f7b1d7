package org.budgetledger.projection.reports.tables;

import org.budgetledger.projection.reports.Column;
import org.budgetledger.projection.reports.Identities;
import org.budgetledger.projection.reports.ReportRow;
import org.budgetledger.projection.reports.ReportTable;

import java.util.List;

/** The identities every subject table has: each row sums its columns, and the tree sums up to 合计. */
public final class SubjectIdentities {

    private static final String TREE = "%s：合计 = 各类之和，类 = 其下各款之和，款 = 其下各项之和";

    private SubjectIdentities() {
    }

    /** "表2" for T02: how the 审核公式 name a table. */
    private static String number(ReportTable table) {
        return "表" + Integer.parseInt(table.name().substring(1));
    }

    /** Each row: {@code total} = Σ of the other columns; shows the first row that fails, else 合计. */
    public static void rowSum(Identities identities, String name, String description, ReportTable table, Column total,
                              Column... parts) {
        List<ReportRow> rows = identities.rows(table);
        ReportRow shown = rows.get(0);
        for (ReportRow row : rows) {
            if (row.fen(total) != sum(row, parts)) {
                shown = row;
                break;
            }
        }
        StringBuilder formula = new StringBuilder(number(table)).append("各行：“").append(Identities.label(table, total))
                .append("”栏 = ");
        for (int index = 0; index < parts.length; index++) {
            formula.append(index == 0 ? "“" : " + “").append(Identities.label(table, parts[index])).append("”栏");
        }
        boolean atTotal = shown.code().equals(SubjectRows.TOTAL);
        identities.equal(name, description + (atTotal ? "" : " (row " + shown.code() + ")"),
                formula + (atTotal ? "" : "（科目" + shown.code() + "）"), shown.fen(total), sum(shown, parts));
    }

    private static long sum(ReportRow row, Column... parts) {
        long sum = 0;
        for (Column part : parts) {
            sum += row.fen(part);
        }
        return sum;
    }

    /** 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项, in every column; shows the first parent that fails, else 合计. */
    public static void tree(Identities identities, String name, String description, ReportTable table, Column... columns) {
        List<ReportRow> rows = identities.rows(table);
        for (ReportRow parent : rows) {
            int childLength = parent.code().equals(SubjectRows.TOTAL) ? 3 : parent.code().length() + 2;
            if (childLength > 7) {
                continue;
            }
            for (Column column : columns) {
                long children = rows.stream().filter(row -> !row.code().equals(SubjectRows.TOTAL)
                                && row.code().length() == childLength
                                && (parent.code().equals(SubjectRows.TOTAL) || row.code().startsWith(parent.code())))
                        .mapToLong(row -> row.fen(column)).sum();
                if (children != parent.fen(column)) {
                    identities.add(name, description + " (" + parent.code() + " " + column.key() + ")",
                            TREE.formatted(number(table)) + "（" + (parent.code().equals(SubjectRows.TOTAL) ? "合计" : "科目"
                                    + parent.code()) + "“" + Identities.label(table, column) + "”栏）",
                            parent.fen(column), children, false);
                    return;
                }
            }
        }
        long total = identities.code(table, SubjectRows.TOTAL, columns[0]);
        identities.add(name, description, TREE.formatted(number(table)), total, total, true);
    }
}
