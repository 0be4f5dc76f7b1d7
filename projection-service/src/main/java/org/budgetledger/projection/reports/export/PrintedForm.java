package org.budgetledger.projection.reports.export;

import org.budgetledger.projection.reports.FormLayout;
import org.budgetledger.projection.reports.OfficialForm;
import org.budgetledger.projection.reports.Report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * What a form prints beyond its numbers, decided once for the screen ({@link FormHtml}) and the XLSX
 * ({@link FormWorkbook}): which rows are totals (bold), which columns are 行次 (centred), whether the table is
 * empty and says so as the published form does, the stamp of a table that is not at year end, the point in
 * time (asOf, knownAt) the numbers are of, and amounts with thousands separators.
 */
final class PrintedForm {

    private static final DateTimeFormatter KNOWN_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private PrintedForm() {
    }

    /** A body row that is a 合计 or 总计 (on either side of a two-sided form). */
    static boolean isTotal(List<Object> row) {
        return row.stream().anyMatch(cell -> cell instanceof String text && (text.contains("合计") || text.contains("总计")));
    }

    /** The columns headed 行次, whose numbers are centred. */
    static List<Integer> lineNumberColumns(FormLayout layout) {
        List<Integer> columns = new ArrayList<>();
        for (int row = 0; row < layout.headerRows(); row++) {
            List<Object> cells = layout.rows().get(row);
            for (int column = 0; column < cells.size(); column++) {
                if ("行次".equals(cells.get(column)) && !columns.contains(column)) {
                    columns.add(column);
                }
            }
        }
        return columns;
    }

    /** The published form's note for a table with nothing to show, when the form has one and every amount is zero. */
    static String emptyNote(FormLayout layout) {
        OfficialForm form = layout.form();
        if (form.emptyNote() == null) {
            return null;
        }
        for (int row = layout.headerRows(); row < layout.rows().size(); row++) {
            for (Object cell : layout.rows().get(row)) {
                if (cell instanceof FormLayout.Amount amount && amount.value().signum() != 0) {
                    return null;
                }
            }
        }
        return form.emptyNote();
    }

    /** "截至 2023-06-30（非年末数）" for a table before the year's last day, or null at year end. */
    static String midYearStamp(Report report) {
        return report.asOf().isBefore(LocalDate.of(report.year(), 12, 31)) ? "截至 " + report.asOf() + "（非年末数）" : null;
    }

    /** The point in time the numbers are of: "截至 2023-12-31，已知至 2024-01-01 00:00:00 UTC". */
    static String pointInTime(Report report) {
        return "截至 " + report.asOf() + "，已知至 " + (report.knownAt() == null ? "现在" : KNOWN_AT.format(report.knownAt()));
    }

    /** The notice that stands for a unit-year with nothing recorded by the report's knownAt (at any effective date). */
    static String nothingRecorded(Report report) {
        return pointInTime(report) + "，本单位" + report.year() + "年度尚无任何记录，故无报表数据。";
    }

    /** An amount as the API prints it, its integer digits grouped by thousands: 79059500.00 → 79,059,500.00. */
    static String grouped(BigDecimal amount) {
        String plain = amount.toPlainString();
        int start = plain.startsWith("-") ? 1 : 0;
        int point = plain.indexOf('.');
        int end = point < 0 ? plain.length() : point;
        StringBuilder digits = new StringBuilder(plain.substring(0, start));
        for (int index = start; index < end; index++) {
            if (index > start && (end - index) % 3 == 0) {
                digits.append(',');
            }
            digits.append(plain.charAt(index));
        }
        return digits.append(plain.substring(end)).toString();
    }
}
