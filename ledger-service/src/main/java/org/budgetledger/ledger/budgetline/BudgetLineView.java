package org.budgetledger.ledger.budgetline;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.budgetledger.contracts.events.LedgerEvent;
import org.budgetledger.ledger.commitment.CommitmentWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Keeps {@code ledger.budget_line} and {@code ledger.commitment} in step with the events ({@link LineChanges},
 * {@link CommitmentWrites}), inside the transaction that stores them (subscribing processor, errors propagate): a
 * posting and its line and commitment state commit together or not at all.
 *
 * <p>The events a commit stores reach the view together, as one batch (a posting group's, up to 500 transactions):
 * their changes are written together when the batch's last ledger event has been handled ({@link LineWrites}),
 * a few statements per batch instead of one per event, still before the commit and failing it if they fail.
 */
@Component
@ProcessingGroup(BudgetLineView.PROCESSING_GROUP)
class BudgetLineView {

    static final String PROCESSING_GROUP = "budget-line-view";
    private static final String PENDING = BudgetLineView.class.getName() + ".pending";

    private final JdbcTemplate jdbc;

    BudgetLineView(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(LedgerEvent event) {
        UnitOfWork<?> current = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get() : null;
        if (!(current instanceof BatchingUnitOfWork<?> batch)) {
            Pending alone = new Pending(null);
            alone.add(event);
            alone.write(jdbc);
            return;
        }
        Pending pending = batch.getOrComputeResource(PENDING, key -> new Pending(lastLedgerEvent(batch.getMessages())));
        pending.add(event);
        if (batch.getMessage().getIdentifier().equals(pending.last().getIdentifier())) {
            pending.write(jdbc);
        }
    }

    /** A batch's changes so far, and its last ledger event, after which they are written. */
    private record Pending(Message<?> last, LineWrites lines, CommitmentWrites commitments) {
        Pending(Message<?> last) {
            this(last, new LineWrites(), new CommitmentWrites());
        }

        void add(LedgerEvent event) {
            lines.add(event.unit(), LineChanges.of(event));
            commitments.add(event);
        }

        void write(JdbcTemplate jdbc) {
            lines.write(jdbc);
            commitments.write(jdbc);
        }
    }

    private static Message<?> lastLedgerEvent(List<? extends Message<?>> messages) {
        for (int index = messages.size() - 1; index >= 0; index--) {
            if (messages.get(index).getPayload() instanceof LedgerEvent) {
                return messages.get(index);
            }
        }
        throw new IllegalStateException("a ledger event is handled in a batch that holds none");
    }
}
