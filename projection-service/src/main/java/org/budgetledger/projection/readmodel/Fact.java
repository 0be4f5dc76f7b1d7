package org.budgetledger.projection.readmodel;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One amount an event contributes to the reports, with the dimensions and both time axes. {@code counterparty}
 * is the unit at the other end of a payment, refund or receipt that names one (SPEC §13), else null.
 */
public record Fact(long sequence, int part, String unit, int year, LocalDate effectiveDate, Instant recordedAt,
                   Measure measure, Fund fund, String subject, Kind kind, String economic, String project,
                   String lineId, LineOrigin origin, long amountFen, String counterparty) {

    /** 类: the first three digits of the subject. */
    public String subjectClass() {
        return subject.substring(0, 3);
    }
}
