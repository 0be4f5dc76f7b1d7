package org.budgetledger.ledger.importing;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The voucher file to fill in ({@code GET /api/v1/transactions:import/template}): row 1 the Chinese headings of
 * every field, nothing else. As CSV in UTF-8 with a byte-order mark (so Excel opens it as UTF-8); as XLSX with
 * every column formatted as text, so that codes keep their leading zeros and amounts their decimals as typed.
 */
final class ImportTemplate {

    private ImportTemplate() {
    }

    static byte[] csv() {
        // no heading holds a comma, a quote or a line end: none needs quoting
        return ("\uFEFF" + String.join(",", TransactionColumns.headings()) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx() {
        List<String> headings = TransactionColumns.headings();
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("凭证");
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            CellStyle heading = workbook.createCellStyle();
            heading.cloneStyleFrom(text);
            Font bold = workbook.createFont();
            bold.setBold(true);
            heading.setFont(bold);
            Row row = sheet.createRow(0);
            for (int column = 0; column < headings.size(); column++) {
                row.createCell(column).setCellValue(headings.get(column));
                row.getCell(column).setCellStyle(heading);
                sheet.setDefaultColumnStyle(column, text);
                sheet.setColumnWidth(column, 16 * 256);
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }
}
