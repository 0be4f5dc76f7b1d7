package org.budgetledger.projection.reports.export;

import org.budgetledger.projection.reports.FormLayout;
import org.budgetledger.projection.reports.OfficialForm;
import org.budgetledger.projection.reports.Report;
import org.budgetledger.projection.reports.Scale;
import org.springframework.web.util.HtmlUtils;

import java.util.List;

/**
 * A report as an HTML fragment in its official layout — the same {@link FormLayout} the XLSX is drawn
 * from: title, 公开0X表, 部门 and 金额单位, the header rows with 栏次 as {@code <th>} cells spanning what the
 * form merges, the amounts as the API prints them with thousands separators, the 注. The web UI shows it as it is.
 * Rows of 合计/总计 are {@code class="total"}, 行次 cells {@code class="line-no"}; a table before year end carries
 * the stamp 截至 …（非年末数）; an empty 公开07/08表 prints the published note instead of zeros; and a unit-year
 * with nothing recorded by knownAt prints a notice instead of the table.
 */
public final class FormHtml {

    private FormHtml() {
    }

    public static String write(Report report) {
        return write(report, false);
    }

    /**
     * @param withCells whether each amount that is a sum of transactions says which cell it is ({@code data-row},
     *              {@code data-column}: what the web UI opens a drill-down with)
     */
    public static String write(Report report, boolean withCells) {
        return write(report, withCells, true);
    }

    /**
     * @param recorded whether anything of the unit-year is recorded by the report's knownAt (at any effective date):
     *                 when not, a notice stands in place of a table of zeros
     */
    public static String write(Report report, boolean withCells, boolean recorded) {
        FormLayout layout = report.table().layout(report);
        OfficialForm form = layout.form();
        StringBuilder html = new StringBuilder();
        html.append("<figure class=\"official-form\" data-table=\"").append(escape(report.table().name())).append("\">\n");
        html.append("<h2>").append(escape(form.title())).append("</h2>\n");
        html.append("<p class=\"form-meta\"><span>部门：").append(escape(report.department())).append("</span><span>")
                .append(escape(form.number())).append("</span><span>金额单位：")
                .append(report.scale() == Scale.WANYUAN ? "万元" : "元").append("</span></p>\n");
        String stamp = PrintedForm.midYearStamp(report);
        if (stamp != null) {
            html.append("<p class=\"form-stamp\">").append(escape(stamp)).append("</p>\n");
        }
        String emptyNote = PrintedForm.emptyNote(layout);
        if (!recorded) {
            html.append("<p class=\"form-empty\">").append(escape(PrintedForm.nothingRecorded(report))).append("</p>\n");
        } else {
            if (emptyNote != null) {
                html.append("<p class=\"form-empty\">").append(escape(emptyNote)).append("</p>\n");
            }
            table(layout, withCells, emptyNote != null, html);
        }
        html.append("<figcaption>").append(escape(form.note()));
        if (emptyNote != null && recorded) {
            html.append("<br>").append(escape(emptyNote));
        }
        if (report.scale() == Scale.WANYUAN) {
            html.append("<br>").append(escape(OfficialForm.ROUNDING_NOTE));
        }
        html.append("</figcaption>\n</figure>\n");
        return html.toString();
    }

    /** The layout's rows as a table, header rows in its head, each merge drawn by its first cell. */
    private static void table(FormLayout layout, boolean withCells, boolean blank, StringBuilder html) {
        List<Integer> lineNumbers = PrintedForm.lineNumberColumns(layout);
        int rows = layout.rows().size();
        int width = layout.width();
        // which cells a merge covers (drawn by the merge's first cell), and each merge's spans
        boolean[][] covered = new boolean[rows][width];
        int[][] rowSpans = new int[rows][width];
        int[][] columnSpans = new int[rows][width];
        for (int[] merge : layout.merges()) {
            for (int row = merge[0]; row <= merge[1]; row++) {
                for (int column = merge[2]; column <= merge[3]; column++) {
                    covered[row][column] = true;
                }
            }
            covered[merge[0]][merge[2]] = false;
            rowSpans[merge[0]][merge[2]] = merge[1] - merge[0] + 1;
            columnSpans[merge[0]][merge[2]] = merge[3] - merge[2] + 1;
        }
        html.append("<table>\n<thead>\n");
        for (int row = 0; row < rows; row++) {
            boolean header = row < layout.headerRows();
            if (row == layout.headerRows()) {
                html.append("</thead>\n<tbody>\n");
            }
            List<Object> cells = layout.rows().get(row);
            html.append(!header && PrintedForm.isTotal(cells) ? "<tr class=\"total\">" : "<tr>");
            for (int column = 0; column < cells.size(); column++) {
                if (covered[row][column]) {
                    continue;
                }
                Object value = cells.get(column);
                String tag = header ? "th" : "td";
                html.append('<').append(tag);
                if (header) {
                    html.append(" scope=\"col\"");
                }
                if (rowSpans[row][column] > 1) {
                    html.append(" rowspan=\"").append(rowSpans[row][column]).append('"');
                }
                if (columnSpans[row][column] > 1) {
                    html.append(" colspan=\"").append(columnSpans[row][column]).append('"');
                }
                if (!header && !(value instanceof FormLayout.Amount) && lineNumbers.contains(column)) {
                    html.append(" class=\"line-no\"");
                }
                if (value instanceof FormLayout.Amount amount) {
                    html.append(" class=\"amount\"");
                    // an empty form's cells are blank, and nothing to open
                    if (withCells && !blank && amount.row() != null) {
                        html.append(" data-row=\"").append(escape(amount.row())).append("\" data-column=\"")
                                .append(escape(amount.column())).append('"');
                    }
                }
                html.append('>');
                if (value instanceof FormLayout.Amount amount) {
                    html.append(blank ? "" : PrintedForm.grouped(amount.value()));
                } else {
                    html.append(escape(String.valueOf(value)));
                }
                html.append("</").append(tag).append('>');
            }
            html.append("</tr>\n");
        }
        if (rows == layout.headerRows()) {
            html.append("</thead>\n<tbody>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
