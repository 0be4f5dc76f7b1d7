package org.budgetledger.projection.readmodel;

import org.budgetledger.contracts.events.LedgerEvent;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class TransactionTypesTest {

    @Test
    void every_event_of_a_budget_year_names_the_transaction_type_it_was_posted_as() {
        assertThat(Arrays.stream(LedgerEvent.class.getPermittedSubclasses()))
                .allSatisfy(type -> assertThat(TransactionTypes.knows(type.asSubclass(LedgerEvent.class))).as(type.getSimpleName()).isTrue());
    }
}
