package org.budgetledger.platform.kafka;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;

import java.util.Map;

/** The settings of the services' own Kafka clients, from Spring Boot's {@code spring.kafka.*}. */
public final class KafkaClients {

    private KafkaClients() {
    }

    /**
     * An admin client that gives up within {@code timeoutMillis}: health answers must not hang while the broker
     * does not answer.
     */
    public static Map<String, Object> adminProperties(KafkaProperties kafka, SslBundles sslBundles, int timeoutMillis) {
        Map<String, Object> properties = kafka.buildAdminProperties(sslBundles);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMillis);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMillis);
        return properties;
    }
}
