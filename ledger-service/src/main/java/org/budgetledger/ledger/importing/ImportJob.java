package org.budgetledger.ledger.importing;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.Rejection;
import org.budgetledger.ledger.posting.PostingAnswer;

import java.util.ArrayList;
import java.util.List;

/**
 * One import: the file it read, how many of its rows are decided, and at the end its report. The worker
 * thread writes it while request threads read it, hence the locking.
 */
final class ImportJob {

    enum Status {
        /** Waiting for the worker or being decided. */
        RUNNING,
        /** Decided; the accepted rows are stored (in mode {@code valid}, the bad rows are in the problems). */
        COMPLETED,
        /** Mode {@code all} with bad rows: nothing was stored; the problems say which rows and why. */
        REJECTED,
        /** Something unexpected went wrong (logged); rows of groups that committed before it stay stored. */
        FAILED
    }

    /** A bad row: its number in the file, its id, and the problem a single POST of it would have answered. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ImportRowProblem")
    record Problem(int row, String id, int status, String code, String detail, List<FieldError> errors) {
    }

    /** The job as {@code GET /api/v1/imports/{id}} shows it ({@code error} like a replay's, only when FAILED). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ImportJob")
    record View(String id, String fileName, String format, String charset, String mode, Status status, int rows,
                int processed, int created, int unchanged, int rejected, List<Problem> problems, String error) {
    }

    private final String id;
    private final String principal;
    private final String fileName;
    private final String format;
    private final String charset;
    private final ImportMode mode;
    private final int rows;

    private Status status = Status.RUNNING;
    private int processed;
    private int created;
    private int unchanged;
    private int rejected;
    private List<Problem> problems = List.of();
    private String error;

    /** @param principal who submitted it: only they (and administrators) may read it */
    ImportJob(String id, String principal, String fileName, VoucherFile file, ImportMode mode) {
        this.id = id;
        this.principal = principal;
        this.fileName = fileName;
        this.format = file.format().text();
        this.charset = file.charset() == null ? null : file.charset().name();
        this.mode = mode;
        this.rows = file.sheet().rows().size();
    }

    String id() {
        return id;
    }

    String principal() {
        return principal;
    }

    ImportMode mode() {
        return mode;
    }

    synchronized void decided(int count) {
        processed = count;
    }

    /** Tallies the answers, one per row in order, into the report. */
    synchronized void finish(List<ImportRow> importRows, List<PostingAnswer> answers) {
        if (answers.size() != importRows.size()) {
            throw new IllegalStateException(answers.size() + " answers to " + importRows.size() + " rows");
        }
        List<Problem> found = new ArrayList<>();
        for (int index = 0; index < answers.size(); index++) {
            PostingAnswer answer = answers.get(index);
            if (answer instanceof PostingAnswer.Accepted accepted) {
                if (accepted.created()) {
                    created++;
                } else {
                    unchanged++;
                }
            } else if (answer instanceof PostingAnswer.Refused refused) {
                ImportRow row = importRows.get(index);
                Rejection rejection = refused.rejection();
                found.add(new Problem(row.number(), row.id(), PostingAnswer.http(answer).getStatusCode().value(),
                        rejection.code().name(), rejection.detail(), rejection.errors()));
            }
        }
        problems = List.copyOf(found);
        rejected = found.size();
        processed = rows;
        status = mode.allOrNothing() && rejected > 0 ? Status.REJECTED : Status.COMPLETED;
    }

    synchronized void fail(String reason) {
        status = Status.FAILED;
        error = reason;
    }

    synchronized View view() {
        return new View(id, fileName, format, charset, mode.text(), status, rows, processed, created, unchanged,
                rejected, problems, error);
    }
}
