package org.budgetledger.ledger.importing;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.budgetledger.web.ApiProblem;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads the first sheet of an XLSX workbook into a {@link Sheet}, streaming: the sheet's XML is read row
 * by row and never held as a document (a 16 MB workbook can unpack to hundreds of MB of XML, and a
 * document model of it to gigabytes), and reading stops at the row limit. Text cells are read as text,
 * formula cells as their cached result; numbers as {@link CellText} writes them.
 */
final class XlsxSheet {

    private XlsxSheet() {
    }

    static Sheet read(byte[] content) {
        Sheet.Collector collector = new Sheet.Collector();
        try (OPCPackage workbook = OPCPackage.open(new ByteArrayInputStream(content))) {
            XSSFReader reader = new XSSFReader(workbook);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw Sheet.invalidFile("the workbook has no sheet");
            }
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(),
                    new ReadOnlySharedStringsTable(workbook), new Rows(collector), new CellText(), false));
            try (InputStream first = sheets.next()) {
                xml.parse(new InputSource(first));
            }
        } catch (ApiProblem invalid) {
            throw invalid;
        } catch (Exception unreadable) {
            // POI reports a damaged or foreign file with many checked and unchecked exceptions
            throw Sheet.invalidFile("the file starts like an XLSX workbook but cannot be read as one");
        }
        return collector.sheet();
    }

    /** Every sheet of an XLSX workbook, by its name, in the workbook's order. */
    static List<SheetFiles.Named> readAll(byte[] content) {
        List<SheetFiles.Named> all = new ArrayList<>();
        try (OPCPackage workbook = OPCPackage.open(new ByteArrayInputStream(content))) {
            XSSFReader reader = new XSSFReader(workbook);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook);
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    Sheet.Collector collector = new Sheet.Collector();
                    XMLReader xml = XMLHelper.newXMLReader();
                    xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings, new Rows(collector),
                            new CellText(), false));
                    xml.parse(new InputSource(sheet));
                    if (!collector.blank()) {
                        all.add(new SheetFiles.Named(sheets.getSheetName(), collector.sheet()));
                    }
                }
            }
        } catch (ApiProblem invalid) {
            throw invalid;
        } catch (Exception unreadable) {
            throw Sheet.invalidFile("the file starts like an XLSX workbook but cannot be read as one");
        }
        if (all.isEmpty()) {
            throw Sheet.invalidFile("the workbook has no sheet with anything in it");
        }
        return all;
    }

    /** Hands each row's cells, placed by their column letters, to the collector. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Sheet.Collector collector;
        private final List<String> cells = new ArrayList<>();

        Rows(Sheet.Collector collector) {
            this.collector = collector;
        }

        @Override
        public void startRow(int rowIndex) {
            cells.clear();
        }

        @Override
        public void endRow(int rowIndex) {
            collector.add(rowIndex + 1, new ArrayList<>(cells));
        }

        @Override
        public void cell(String reference, String text, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() <= column) {
                cells.add(null);
            }
            cells.set(column, text);
        }
    }

    /**
     * Writes a number cell as the text a client would have typed: a date-formatted cell as an ISO date
     * ({@code 2023-01-10}); any other number as its shortest plain decimal ({@code 2500.5}, {@code 1000000},
     * {@code 2140199}), whatever the cell's display format (thousands separators, fixed decimals).
     *
     * <p>This is exact for money: Excel keeps at most 15 significant digits of a number, and
     * {@link BigDecimal#valueOf(double)} goes through {@link Double#toString}, the shortest decimal that reads
     * back as the same double, which for a double that came from 15 or fewer significant digits is those
     * digits. So 2500.50 typed into Excel becomes "2500.5" here, never 2500.4999999999998181010596454143524.
     * The double goes no further than this conversion.
     */
    static final class CellText extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value).toLocalDate().toString();
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }
}
