package org.budgetledger.ledger.budgetline;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BudgetLineViewConfiguration {

    /**
     * The view is updated in the posting's own transaction, and a failure there must fail the posting (Axon
     * would otherwise log the error and commit the events without their line state).
     */
    @Bean
    ConfigurerModule budgetLineViewInSameTransaction() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(BudgetLineView.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(BudgetLineView.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance());
    }
}
