package org.budgetledger.ledger.importing;

import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.ledger.posting.PostingAnswer;
import org.budgetledger.ledger.posting.TransactionPosting;
import org.budgetledger.web.ApiProblem;
import org.budgetledger.web.security.Caller;
import org.budgetledger.web.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;

/**
 * {@code POST /api/v1/transactions:import}: a voucher file is read and checked at once (a file that cannot
 * be imported answers 400 and stores nothing); its rows are then decided on one worker thread as the items of
 * a batch ({@link TransactionPosting}), in the order of the file, each as a single POST of it would be (the row
 * ids are idempotency keys, so importing a file again stores nothing new).
 *
 * <p>One worker ({@link ImportWorkerConfiguration}): an import of 10 000 rows takes ≈ 5 s on 2 cores (measured in mode
 * all), and several at once would only contend for the same cores and the same append lock.
 */
@Service
class VoucherImports {

    private static final Logger log = LoggerFactory.getLogger(VoucherImports.class);

    private final TransactionPosting posting;
    private final TransactionColumns columns;
    private final ImportJobs jobs;
    private final TaskExecutor worker;

    VoucherImports(TransactionPosting posting, TransactionColumns columns, ImportJobs jobs,
                   @Qualifier("importWorker") TaskExecutor worker) {
        this.posting = posting;
        this.columns = columns;
        this.jobs = jobs;
        this.worker = worker;
    }

    /**
     * Reads the file and queues its rows. The caller is taken along: the worker thread has no request, and
     * the caller decides which units the rows may post for and is recorded on every event.
     */
    ImportJob.View submit(String fileName, byte[] content, ImportMode mode, String charset, Caller caller) {
        VoucherFile file = VoucherFile.read(content, charset);
        List<String> header = columns.check(file.sheet().header());
        List<ImportRow> rows = file.sheet().rows().stream().map(row -> columns.row(row, header)).toList();
        ImportJob job = new ImportJob(UUID.randomUUID().toString(), caller.name(), fileName, file, mode);
        try {
            worker.execute(() -> run(job, rows, caller));
        } catch (RejectedExecutionException busy) {
            throw new ApiProblem(ProblemCode.SERVICE_UNAVAILABLE,
                    ImportWorkerConfiguration.QUEUED_MAX + " imports are waiting already; submit this one again later");
        }
        jobs.add(job);
        log.info("event=import_started id={} rows={} mode={} format={} principal={}", job.id(), rows.size(),
                mode.text(), file.format().text(), caller.name());
        return job.view();
    }

    /** The job, to the principal who submitted it and to administrators; to anyone else it does not exist. */
    Optional<ImportJob.View> find(String id, Caller caller) {
        return jobs.find(id)
                .filter(job -> job.principal().equals(caller.name()) || caller.has(Role.ADMIN))
                .map(ImportJob::view);
    }

    private void run(ImportJob job, List<ImportRow> rows, Caller caller) {
        long startedNanos = System.nanoTime();
        try {
            List<PostingAnswer> answers = posting.post(rows.stream().map(ImportRow::decoded).toList(),
                    caller, job.mode().allOrNothing(), job::decided);
            job.finish(rows, answers);
            ImportJob.View report = job.view();
            log.info("event=import_finished id={} status={} created={} unchanged={} rejected={} millis={}", job.id(),
                    report.status(), report.created(), report.unchanged(), report.rejected(),
                    (System.nanoTime() - startedNanos) / 1_000_000);
        } catch (RuntimeException failed) {
            job.fail("an unexpected error occurred; it has been logged");
            log.error("event=import_finished id={} status=FAILED millis={}", job.id(),
                    (System.nanoTime() - startedNanos) / 1_000_000, failed);
        }
    }
}
