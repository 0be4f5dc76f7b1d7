package org.budgetledger.ledger.importing;

import java.util.List;

/**
 * Tables uploaded as files, read as voucher files are ({@link VoucherFile}: told apart by content, CSV in UTF-8 or
 * GB18030, XLSX streamed), for the other uploads of the ledger (SPEC §15's reference tables): every sheet of a
 * workbook with its name, or the one table of a CSV file.
 */
public final class SheetFiles {

    /** A sheet and its name in the workbook; null for the table of a CSV file. */
    public record Named(String name, Sheet sheet) {
    }

    private SheetFiles() {
    }

    /**
     * @param charsetParameter as for an import: {@code auto}, {@code UTF-8} or {@code GB18030}
     * @throws org.budgetledger.web.ApiProblem VALIDATION_FAILED (field {@code file}) for a file that cannot be read
     */
    public static List<Named> read(byte[] content, String charsetParameter) {
        if (VoucherFile.isZip(content)) {
            return XlsxSheet.readAll(content);
        }
        CsvText csv = CsvText.decode(content, CsvText.choice(charsetParameter));
        return List.of(new Named(null, CsvSheet.read(csv.text())));
    }

    /** Whether the content is a ZIP archive (an XLSX workbook), not CSV text. */
    public static boolean isWorkbook(byte[] content) {
        return VoucherFile.isZip(content);
    }
}
