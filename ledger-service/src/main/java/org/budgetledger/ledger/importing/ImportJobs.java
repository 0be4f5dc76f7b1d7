package org.budgetledger.ledger.importing;

import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last {@link #JOBS_MAX} imports, in memory: a restart forgets them (the ledger keeps what they stored,
 * and importing the file again reports its rows as unchanged).
 */
@Component
class ImportJobs {

    /**
     * A report lists up to 10 000 bad rows of ≈ 400 bytes each, so this bounds the reports to ≈ 130 MB. It is
     * more than the worker's queue holds, so a job is never forgotten before it finishes.
     */
    static final int JOBS_MAX = 32;

    private final Map<String, ImportJob> jobs = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ImportJob> eldest) {
            return size() > JOBS_MAX;
        }
    };

    synchronized void add(ImportJob job) {
        jobs.put(job.id(), job);
    }

    synchronized Optional<ImportJob> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }
}
