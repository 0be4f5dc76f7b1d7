package org.budgetledger.projection.reports.export;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
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
 * Amounts are numeric cells (two decimals), so the sheet can be summed.
 */
public final class FormWorkbook {

    private final Workbook workbook = new XSSFWorkbook();
    private final CellStyle title;
    private final CellStyle header;
    private final CellStyle text;
    private final CellStyle amount;
    private final CellStyle plain;

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
    }

    /** One workbook, a sheet per report, in the given order. */
    public static byte[] write(List<Report> reports) {
        FormWorkbook forms = new FormWorkbook();
        for (Report report : reports) {
            forms.sheet(report);
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); Workbook workbook = forms.workbook) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    private void sheet(Report report) {
        FormLayout layout = report.table().layout(report);
        OfficialForm form = layout.form();
        Sheet sheet = workbook.createSheet(form.number().equals("项目资金") ? "预算执行" : form.number());
        int width = layout.width();
        int rowIndex = 0;
        put(sheet, rowIndex, 0, form.title(), title);
        sheet.addMergedRegion(new CellRangeAddress(rowIndex, rowIndex, 0, width - 1));
        rowIndex++;
        put(sheet, rowIndex, width - 1, form.number(), plain);
        rowIndex++;
        put(sheet, rowIndex, 0, "部门：" + report.department(), plain);
        put(sheet, rowIndex, width - 1, "金额单位：" + (report.scale() == Scale.WANYUAN ? "万元" : "元"), plain);
        rowIndex++;
        int first = rowIndex;
        for (List<Object> line : layout.rows()) {
            Row row = sheet.createRow(rowIndex);
            for (int column = 0; column < line.size(); column++) {
                Object value = line.get(column);
                boolean inHeader = rowIndex - first < layout.headerRows();
                Cell cell = row.createCell(column);
                if (value instanceof FormLayout.Amount number) {
                    cell.setCellValue(number.value().doubleValue());
                    cell.setCellStyle(amount);
                } else {
                    cell.setCellValue(value == null ? "" : value.toString());
                    cell.setCellStyle(inHeader ? header : text);
                }
            }
            rowIndex++;
        }
        for (int[] merge : layout.merges()) {
            sheet.addMergedRegion(new CellRangeAddress(first + merge[0], first + merge[1], merge[2], merge[3]));
        }
        rowIndex++;
        put(sheet, rowIndex++, 0, form.note(), plain);
        if (report.scale() == Scale.WANYUAN) {
            put(sheet, rowIndex, 0, OfficialForm.ROUNDING_NOTE, plain);
        }
        for (int column = 0; column < width; column++) {
            sheet.setColumnWidth(column, layout.textColumns().contains(column) ? 30 * 256 : 15 * 256);
        }
        // printed as the forms are: landscape, one page wide
        sheet.getPrintSetup().setLandscape(true);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
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
