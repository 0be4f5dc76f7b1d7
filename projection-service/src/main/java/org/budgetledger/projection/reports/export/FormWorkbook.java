package org.budgetledger.projection.reports.export;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.budgetledger.projection.reports.FormLayout;
import org.budgetledger.projection.reports.OfficialForm;
import org.budgetledger.projection.reports.Report;
import org.budgetledger.projection.reports.Scale;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Reports as XLSX in the layout of the official 2023 forms: title, 公开0X表, 部门 and 金额单位, the header rows
 * with 栏次, the table, the 注. The two-sided summaries (T01, T04) put income and expenditure side by side as
 * the forms do, every 行次 printed; T06 prints its three column blocks; T09 its 预算数 and 决算数 halves.
 * Amounts are numeric cells (two decimals, thousands separated), so the sheet can be summed. Printed on A4 as
 * the forms are: 合计/总计 rows bold, 行次 centred, a page header with the unit and the table, a footer with the
 * point in time (asOf, knownAt) and 第 N 页 共 M 页; a table before year end stamped 截至 …（非年末数）, and an
 * empty 公开07/08表 saying so as the published form does instead of printing zeros; a unit-year with nothing recorded
 * by knownAt saying so under the title, as the screen does, instead of a table of zeros.
 * A report that states the ledger's signed digest (SPEC §16) has it in full below the table and abbreviated in
 * every page's footer.
 */
public final class FormWorkbook {

    private final Workbook workbook = new XSSFWorkbook();
    private final CellStyle title;
    private final CellStyle header;
    private final CellStyle text;
    private final CellStyle amount;
    private final CellStyle plain;
    private final CellStyle textBold;
    private final CellStyle amountBold;
    private final CellStyle lineNumber;
    private final CellStyle lineNumberBold;
    private final CellStyle stampStyle;

    private FormWorkbook() {
        Font bold = workbook.createFont();
        bold.setBold(true);
        Font large = workbook.createFont();
        large.setBold(true);
        large.setFontHeightInPoints((short) 16);
        title = workbook.createCellStyle();
        title.setFont(large);
        title.setAlignment(HorizontalAlignment.CENTER);
        header = bordered();
        header.setFont(bold);
        header.setAlignment(HorizontalAlignment.CENTER);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setWrapText(true);
        text = bordered();
        amount = bordered();
        amount.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
        amount.setAlignment(HorizontalAlignment.RIGHT);
        plain = workbook.createCellStyle();
        textBold = bordered();
        textBold.setFont(bold);
        amountBold = bordered();
        amountBold.cloneStyleFrom(amount);
        amountBold.setFont(bold);
        lineNumber = bordered();
        lineNumber.setAlignment(HorizontalAlignment.CENTER);
        lineNumberBold = bordered();
        lineNumberBold.cloneStyleFrom(lineNumber);
        lineNumberBold.setFont(bold);
        Font red = workbook.createFont();
        red.setBold(true);
        red.setColor(IndexedColors.RED.getIndex());
        stampStyle = workbook.createCellStyle();
        stampStyle.setFont(red);
    }

    /** One workbook, a sheet per report, in the given order. */
    public static byte[] write(List<Report> reports) {
        return write(reports, true);
    }

    /**
     * @param recorded whether anything of the unit-year is recorded by the reports' knownAt (at any effective date): when
     *                 not, each sheet says so under its title, as the screen does, and prints its form without zeros
     */
    public static byte[] write(List<Report> reports, boolean recorded) {
        FormWorkbook forms = new FormWorkbook();
        for (Report report : reports) {
            forms.sheet(report, recorded);
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); Workbook workbook = forms.workbook) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    private void sheet(Report report, boolean recorded) {
        FormLayout layout = report.table().layout(report);
        OfficialForm form = layout.form();
        Sheet sheet = workbook.createSheet(form.number().equals("项目资金") ? "预算执行" : form.number());
        int width = layout.width();
        int rowIndex = 0;
        put(sheet, rowIndex, 0, form.title(), title);
        sheet.addMergedRegion(new CellRangeAddress(rowIndex, rowIndex, 0, width - 1));
        rowIndex++;
        put(sheet, rowIndex, width - 1, form.number(), plain);
        String stamp = PrintedForm.midYearStamp(report);
        if (stamp != null) {
            put(sheet, rowIndex, 0, stamp, stampStyle);
        }
        rowIndex++;
        put(sheet, rowIndex, 0, "部门：" + report.department(), plain);
        put(sheet, rowIndex, width - 1, "金额单位：" + (report.scale() == Scale.WANYUAN ? "万元" : "元"), plain);
        rowIndex++;
        if (!recorded) {
            put(sheet, rowIndex++, 0, PrintedForm.nothingRecorded(report), stampStyle);
        }
        int first = rowIndex;
        // nothing recorded: the notice says so once, in place of the form's own note of an empty table
        String emptyNote = recorded ? PrintedForm.emptyNote(layout) : null;
        boolean blank = emptyNote != null || !recorded;
        List<Integer> lineNumbers = PrintedForm.lineNumberColumns(layout);
        for (List<Object> line : layout.rows()) {
            boolean inHeader = rowIndex - first < layout.headerRows();
            boolean total = !inHeader && PrintedForm.isTotal(line);
            Row row = sheet.createRow(rowIndex);
            for (int column = 0; column < line.size(); column++) {
                Object value = line.get(column);
                Cell cell = row.createCell(column);
                if (value instanceof FormLayout.Amount number) {
                    // an empty form prints no zeros: its note (or the notice) says there is nothing
                    if (!blank) {
                        cell.setCellValue(number.value().doubleValue());
                    }
                    cell.setCellStyle(total ? amountBold : amount);
                } else {
                    cell.setCellValue(value == null ? "" : value.toString());
                    if (inHeader) {
                        cell.setCellStyle(header);
                    } else if (lineNumbers.contains(column)) {
                        cell.setCellStyle(total ? lineNumberBold : lineNumber);
                    } else {
                        cell.setCellStyle(total ? textBold : text);
                    }
                }
            }
            rowIndex++;
        }
        for (int[] merge : layout.merges()) {
            sheet.addMergedRegion(new CellRangeAddress(first + merge[0], first + merge[1], merge[2], merge[3]));
        }
        rowIndex++;
        put(sheet, rowIndex++, 0, form.note(), plain);
        if (emptyNote != null) {
            put(sheet, rowIndex++, 0, emptyNote, plain);
        }
        if (report.scale() == Scale.WANYUAN) {
            put(sheet, rowIndex++, 0, OfficialForm.ROUNDING_NOTE, plain);
        }
        if (report.ledgerDigest() != null) {
            // the whole digest once, below the table; the footer of every page abbreviates it
            rowIndex++;
            for (String line : report.ledgerDigest().fullLines()) {
                put(sheet, rowIndex++, 0, line, plain);
            }
        }
        for (int column = 0; column < width; column++) {
            sheet.setColumnWidth(column, layout.textColumns().contains(column) ? 30 * 256 : 15 * 256);
        }
        printSetup(sheet, report, form);
    }

    /** A4 landscape, one page wide, as the forms are printed; the unit and table on every page, the point in time and page below. */
    private static void printSetup(Sheet sheet, Report report, OfficialForm form) {
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.getPrintSetup().setLandscape(true);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.getHeader().setLeft(headerText(report.department()));
        sheet.getHeader().setCenter(headerText(form.title() + " " + form.number()));
        sheet.getFooter().setLeft(headerText(PrintedForm.pointInTime(report)));
        if (report.ledgerDigest() != null) {
            sheet.getFooter().setCenter(headerText(report.ledgerDigest().footer()));
        }
        sheet.getFooter().setRight("第 &P 页 共 &N 页");
    }

    /** Text for a page header or footer, where {@code &} starts a code: a literal one is doubled. */
    private static String headerText(String text) {
        return text.replace("&", "&&");
    }

    private CellStyle bordered() {
        CellStyle style = workbook.createCellStyle();
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }

    private static void put(Sheet sheet, int rowIndex, int column, String value, CellStyle style) {
        Row row = sheet.getRow(rowIndex) == null ? sheet.createRow(rowIndex) : sheet.getRow(rowIndex);
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }
}
