package org.budgetledger.ledger.importing;

import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Optional;

/**
 * An uploaded voucher file read into a {@link Sheet}. Its kind is told by its content, not its name: a ZIP
 * archive (starting with {@code PK\3\4}) is an XLSX workbook, anything else CSV text.
 *
 * @param charset the charset of a CSV file; null for XLSX
 */
record VoucherFile(Format format, Charset charset, Sheet sheet) {

    enum Format {
        CSV, XLSX;

        String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    /** @param charsetParameter {@code auto}, {@code UTF-8} or {@code GB18030}; checked for XLSX too, used for CSV */
    static VoucherFile read(byte[] content, String charsetParameter) {
        Optional<Charset> charsetChoice = CsvText.choice(charsetParameter);
        if (isZip(content)) {
            return new VoucherFile(Format.XLSX, null, XlsxSheet.read(content));
        }
        CsvText csv = CsvText.decode(content, charsetChoice);
        return new VoucherFile(Format.CSV, csv.charset(), CsvSheet.read(csv.text()));
    }

    static boolean isZip(byte[] content) {
        if (content.length < ZIP_MAGIC.length) {
            return false;
        }
        for (int index = 0; index < ZIP_MAGIC.length; index++) {
            if (content[index] != ZIP_MAGIC[index]) {
                return false;
            }
        }
        return true;
    }
}
