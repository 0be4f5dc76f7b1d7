package org.budgetledger.ledger.posting;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.budgetledger.ledger.budgetyear.TransactionRejected;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Around every posting command, inside its database transaction:
 * <ul>
 *   <li>a rejection becomes the command's result instead of an exception. The budget year rejects before
 *   applying anything, so the unit of work commits nothing, and the budget year stays in Axon's cache
 *   (an exception would evict it and make the next posting replay the unit-year's whole history);</li>
 *   <li>an accepted transaction gets its idempotency record, in the same transaction as its events (in a
 *   batch group, all of them in one statement when the group commits). The
 *   primary key makes a concurrent duplicate fail ({@link DuplicateTransaction}), which rolls back its
 *   events; and the event store's foreign key to this record means no event can ever be stored for a
 *   transaction that was not accepted.</li>
 * </ul>
 * Axon registers handler interceptor beans with the command bus, after its transaction interceptor.
 */
@Component
class IdempotencyRecording implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** The id is in use by a transaction that committed while this one was being decided. */
    static final class DuplicateTransaction extends RuntimeException {
        DuplicateTransaction(String id) {
            super("transaction " + id + " was stored concurrently", null, false, false);
        }
    }

    /**
     * Resource of a batch group's unit of work: the records of the transactions it accepted, which the group
     * writes itself ({@link BatchPosting}) instead of one statement per transaction.
     */
    static final String GROUPED_RECORDS = "budgetledger.groupedPostingRecords";

    private final PostedTransactions postedTransactions;

    IdempotencyRecording(PostedTransactions postedTransactions) {
        this.postedTransactions = postedTransactions;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        if (!PostingRecord.presentIn(command.getMetaData())) {
            return chain.proceed();
        }
        Object result;
        try {
            result = chain.proceed();
        } catch (TransactionRejected rejected) {
            return rejected;
        }
        PostingRecord record = PostingRecord.from(command.getMetaData());
        List<PostingRecord> grouped = unitOfWork.root().getResource(GROUPED_RECORDS);
        if (grouped != null) {
            // the group writes its records in one statement before it commits; a concurrent duplicate then fails
            // the group, whose items are decided again one by one
            grouped.add(record);
            unitOfWork.onRollback(rolledBack -> grouped.remove(record));
            return result;
        }
        try {
            postedTransactions.insert(record);
        } catch (DuplicateKeyException duplicate) {
            throw new DuplicateTransaction(record.id());
        }
        return result;
    }
}
