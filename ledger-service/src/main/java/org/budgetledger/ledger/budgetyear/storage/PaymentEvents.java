package org.budgetledger.ledger.budgetyear.storage;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.budgetledger.contracts.events.PaymentMade;
import org.budgetledger.ledger.budgetyear.StoredPayments;
import org.budgetledger.ledger.eventstore.EventStoreConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Finds a payment by its {@code PaymentMade} event in the store: the event of the PAY transaction with that
 * id ({@code transaction_id} is indexed) in that budget year. The events are the truth, in the hash chain,
 * so a refund is checked against what was paid, never against a copy.
 */
@Component
class PaymentEvents implements StoredPayments {

    private final JdbcClient jdbc;
    private final Serializer eventSerializer;

    PaymentEvents(JdbcClient jdbc, @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.jdbc = jdbc;
        this.eventSerializer = eventSerializer;
    }

    @Override
    public Optional<PaymentMade> find(String budgetYearId, String paymentId) {
        return jdbc.sql("SELECT payloadRevision, payload FROM " + EventStoreConfiguration.EVENT_TABLE
                        + " WHERE transaction_id = ? AND aggregateIdentifier = ? AND payloadType = ?")
                .params(paymentId, budgetYearId, PaymentMade.class.getName())
                .query((row, number) -> eventSerializer.<byte[], PaymentMade>deserialize(new SimpleSerializedObject<>(
                        row.getBytes(2), byte[].class, PaymentMade.class.getName(), row.getString(1))))
                .optional();
    }
}
