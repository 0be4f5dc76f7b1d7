package org.budgetledger.ledger.posting;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Writes a transaction's idempotency record in the same database transaction as its events, before the
 * budget year decides. The primary key makes a concurrent duplicate wait for the first one and then
 * fail ({@link DuplicateTransaction}); a rejection rolls the record back with everything else.
 */
@Component
class IdempotencyRecording implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** The id is in use by a transaction that committed while this one was being decided. */
    static final class DuplicateTransaction extends RuntimeException {
        DuplicateTransaction(String id) {
            super("transaction " + id + " was stored concurrently", null, false, false);
        }
    }

    private final PostedTransactions postedTransactions;

    /** Axon registers handler interceptor beans with the command bus, after its transaction interceptor. */
    IdempotencyRecording(PostedTransactions postedTransactions) {
        this.postedTransactions = postedTransactions;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        if (PostingRecord.presentIn(command.getMetaData())) {
            PostingRecord record = PostingRecord.from(command.getMetaData());
            try {
                postedTransactions.insert(record);
            } catch (DuplicateKeyException duplicate) {
                throw new DuplicateTransaction(record.id());
            }
        }
        return chain.proceed();
    }
}
