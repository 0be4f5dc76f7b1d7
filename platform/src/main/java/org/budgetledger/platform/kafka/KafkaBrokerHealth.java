package org.budgetledger.platform.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/** {@code kafka} in health and readiness: the broker answers a cluster description within two seconds. */
@Component("kafka")
public class KafkaBrokerHealth implements HealthIndicator, DisposableBean {

    private static final int TIMEOUT_MILLIS = 2_000;

    private final Admin admin;

    KafkaBrokerHealth(KafkaProperties kafka, SslBundles sslBundles) {
        this.admin = Admin.create(KafkaClients.adminProperties(kafka, sslBundles, TIMEOUT_MILLIS));
    }

    @Override
    public Health health() {
        try {
            int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MILLIS)).nodes()
                    .get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).size();
            return Health.up().withDetail("brokers", brokers).build();
        } catch (Exception unreachable) {
            if (unreachable instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Health.down().withDetail("error", unreachable.getClass().getSimpleName()).build();
        }
    }

    @Override
    public void destroy() {
        admin.close();
    }
}
