package org.budgetledger.ledger.publishing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TopicSettings.class, PublisherSettings.class})
class PublishingConfiguration {
}
