package org.budgetledger.projection.publication;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.budgetledger.projection.reports.FormLayout;
import org.budgetledger.projection.reports.OfficialForm;
import org.budgetledger.projection.reports.Report;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * The tables of the Word document as real tables: a 公开表 drawn from its {@link FormLayout} (the one the XLSX and the
 * HTML are drawn from), merged cells as the form merges them; an execution table of 第五部分.
 */
final class DocxTables {

    private DocxTables() {
    }

    static void form(XWPFDocument document, Report report) {
        FormLayout layout = report.table().layout(report);
        XWPFParagraph meta = document.createParagraph();
        PublicationDocx.run(meta, PublicationDocx.formMeta(report), 9, false);
        int width = layout.width();
        XWPFTable table = document.createTable(layout.rows().size(), width);
        table.setWidth("100%");
        for (int row = 0; row < layout.rows().size(); row++) {
            List<Object> cells = layout.rows().get(row);
            for (int column = 0; column < width; column++) {
                Object value = column < cells.size() ? cells.get(column) : "";
                cell(table.getRow(row).getCell(column), value instanceof BigDecimal amount ? amount.toPlainString()
                        : String.valueOf(value), value instanceof BigDecimal, row < layout.headerRows());
            }
            if (row < layout.headerRows()) {
                table.getRow(row).setRepeatHeader(true);
            }
        }
        // right to left: a merge removes the cells it spans, which would move those of a merge to its right
        layout.merges().stream().sorted((one, other) -> Integer.compare(other[2], one[2]))
                .forEach(merge -> merge(table, merge[0], merge[1], merge[2], merge[3]));
        XWPFParagraph note = document.createParagraph();
        OfficialForm form = layout.form();
        PublicationDocx.run(note, form.note() + "\n" + OfficialForm.ROUNDING_NOTE, 8, false);
    }

    static void execution(XWPFDocument document, ExecutionSheet sheet) {
        List<String> header = List.of("项目资金", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分");
        XWPFTable table = document.createTable(sheet.lines().size() + 1, header.size());
        table.setWidth("100%");
        for (int column = 0; column < header.size(); column++) {
            cell(table.getRow(0).getCell(column), header.get(column), false, true);
        }
        table.getRow(0).setRepeatHeader(true);
        for (int index = 0; index < sheet.lines().size(); index++) {
            ExecutionSheet.Line line = sheet.lines().get(index);
            XWPFTableRow row = table.getRow(index + 1);
            cell(row.getCell(0), line.label(), false, false);
            cell(row.getCell(1), PublicationDocx.amount(line.initialFen()), true, false);
            cell(row.getCell(2), PublicationDocx.amount(line.fullYearFen()), true, false);
            cell(row.getCell(3), PublicationDocx.amount(line.executedFen()), true, false);
            cell(row.getCell(4), PublicationDocx.plain(line.weight()), true, false);
            cell(row.getCell(5), line.rate() == null ? "" : line.rate().toPlainString() + "%", true, false);
            cell(row.getCell(6), PublicationDocx.plain(line.score()), true, false);
        }
    }

    private static void cell(XWPFTableCell cell, String text, boolean number, boolean header) {
        XWPFParagraph paragraph = cell.getParagraphs().isEmpty() ? cell.addParagraph() : cell.getParagraphs().get(0);
        paragraph.setAlignment(number ? ParagraphAlignment.RIGHT : header ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
        paragraph.setSpacingAfter(0);
        PublicationDocx.run(paragraph, text, 8, false);
    }

    /** A merge as Word writes one: gridSpan on the first cell of each merged row, vMerge down the rows. */
    private static void merge(XWPFTable table, int firstRow, int lastRow, int firstColumn, int lastColumn) {
        for (int row = firstRow; row <= lastRow; row++) {
            XWPFTableRow tableRow = table.getRow(row);
            CTTcPr first = properties(tableRow.getCell(firstColumn));
            if (lastColumn > firstColumn) {
                first.addNewGridSpan().setVal(BigInteger.valueOf(lastColumn - firstColumn + 1));
                for (int column = lastColumn; column > firstColumn; column--) {
                    tableRow.removeCell(column);
                }
            }
            if (lastRow > firstRow) {
                first.addNewVMerge().setVal(row == firstRow ? STMerge.RESTART : STMerge.CONTINUE);
            }
        }
    }

    private static CTTcPr properties(XWPFTableCell cell) {
        return cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
    }
}
