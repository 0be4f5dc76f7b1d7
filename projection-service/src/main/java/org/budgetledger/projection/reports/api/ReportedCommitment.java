package org.budgetledger.projection.reports.api;

import io.swagger.v3.oas.annotations.media.Schema;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.projection.readmodel.CommitmentMovement;
import org.budgetledger.projection.reports.monitoring.MonitoringInputs;
import org.budgetledger.projection.reports.monitoring.OpenCommitment;

import java.time.LocalDate;
import java.util.List;

/**
 * A commitment (冻结, SPEC §14) as a report shows it at (asOf, knownAt), amounts in exact 元. At department scope its
 * {@code id}, {@code line} and {@code project} are named {unit}/{code}, as the execution report names its rows.
 *
 * @param date         when it was made (or carried into this year)
 * @param carriedOver  what the year-end carry-over moved to the next year's carry-in line (from 1 January of
 *                     that year; to 31 December the closed year still shows it open)
 * @param open         amount − paid − released − carriedOver
 * @param overdue      of the open schedule, what was due before asOf (before 31 December for an asOf after the year)
 * @param schedule     what is left of the expected payments: paid from the earliest, released from the latest (as the
 *                     ledger's {@code GET /api/v1/commitments} shows it)
 * @param madeSchedule the expected payments as made (or carried in)
 */
@Schema(name = "ReportedCommitment")
public record ReportedCommitment(String id, String unit, String line, String project, LocalDate date, String contract,
                                 String payee, String amount, String paid, String released, String carriedOver, String open,
                                 String overdue, List<Due> schedule, List<Due> madeSchedule) {

    @Schema(name = "ReportedScheduledPayment")
    public record Due(LocalDate date, String amount) {
        static List<Due> of(List<CommitmentMovement.Due> schedule) {
            return schedule.stream().map(due -> new Due(due.date(), yuan(due.fen()))).toList();
        }
    }

    static ReportedCommitment of(OpenCommitment commitment, MonitoringInputs inputs) {
        return new ReportedCommitment(inputs.named(commitment.unit(), commitment.id()), commitment.unit(),
                inputs.named(commitment.unit(), commitment.lineId()), inputs.named(commitment.unit(), commitment.project()),
                commitment.date(), commitment.contract(), commitment.payee(), yuan(commitment.amountFen()),
                yuan(commitment.paidFen()), yuan(commitment.releasedFen()), yuan(commitment.carriedOverFen()),
                yuan(commitment.openFen()),
                yuan(commitment.overdueFen(inputs.today())), Due.of(commitment.openSchedule()), Due.of(commitment.schedule()));
    }

    private static String yuan(long fen) {
        return Money.ofFen(fen).toYuanString();
    }
}
