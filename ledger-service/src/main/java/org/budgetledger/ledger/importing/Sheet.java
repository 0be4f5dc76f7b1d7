package org.budgetledger.ledger.importing;

import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.ledger.posting.BatchPosting;
import org.budgetledger.web.ApiProblem;

import java.util.ArrayList;
import java.util.List;

/**
 * A table read from a voucher file: the header and the data rows that are not blank.
 *
 * @param header the cells of the first row that is not blank (row 1 of a well-formed file)
 */
public record Sheet(List<String> header, List<Row> rows) {

    /** As many data rows as a batch may hold: an import is decided like one. */
    static final int ROWS_MAX = BatchPosting.ITEMS_MAX;

    /**
     * @param number the row's number as a spreadsheet shows it (the header is row 1, the first data row 2)
     * @param cells  the cells from column A on; an empty or null cell holds nothing
     */
    public record Row(int number, List<String> cells) {
    }

    /** Collects the rows a reader meets, in order, and refuses a file with more than {@link #ROWS_MAX} data rows. */
    static final class Collector {
        private List<String> header;
        private final List<Row> rows = new ArrayList<>();

        void add(int number, List<String> cells) {
            if (cells.stream().allMatch(cell -> cell == null || cell.isEmpty())) {
                return;
            }
            if (header == null) {
                header = cells;
                return;
            }
            if (rows.size() == ROWS_MAX) {
                throw invalidFile("the file has more than " + ROWS_MAX + " rows; split it");
            }
            rows.add(new Row(number, cells));
        }

        /** Whether no row that is not blank was met: a workbook's empty sheet. */
        boolean blank() {
            return header == null;
        }

        Sheet sheet() {
            if (header == null) {
                throw invalidFile("the file is empty");
            }
            if (rows.isEmpty()) {
                throw invalidFile("the file has a header but no rows");
            }
            return new Sheet(header, List.copyOf(rows));
        }
    }

    /** The file as a whole cannot be imported: 400, and nothing is stored. */
    static ApiProblem invalidFile(String message) {
        return new ApiProblem(ProblemCode.VALIDATION_FAILED, message, List.of(new FieldError("file", message)));
    }
}
