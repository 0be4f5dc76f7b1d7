package org.budgetledger.projection;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.budgetledger.projection.readmodel.ReadModelWriter.Delivered;
import org.budgetledger.projection.reports.Freshness;
import org.budgetledger.testing.Infrastructure;
import org.budgetledger.testing.RealInfrastructure;
import org.budgetledger.testing.SharedInfrastructure;
import org.budgetledger.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two projection instances in one consumer group share the topic's partitions: both consume, and every
 * unit-year is applied completely by whichever instance owns its partition.
 */
@RealInfrastructure
class TwoInstancesTest {

    @Test
    void two_instances_share_the_partitions_and_apply_everything(Infrastructure infrastructure) throws Exception {
        String group = "two-instances-" + System.nanoTime();
        try (ConfigurableApplicationContext first = instance(infrastructure, group);
             ConfigurableApplicationContext second = instance(infrastructure, group)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> assigned(first) > 0 && assigned(second) > 0);
            assertThat(assigned(first) + assigned(second)).isEqualTo(6);
            // the listener's group is the one configured (budgetledger.projection.group-id)
            assertThat(first.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("projection").getGroupId())
                    .isEqualTo(group);

            Map<String, Long> lastByUnitYear = new HashMap<>();
            for (int n = 0; n < 12; n++) {
                String unit = "TI" + n + "x" + System.nanoTime() % 100_000;
                List<Delivered> history = RandomHistories.of(unit, n, (1L << 46) + n * 10_000L + System.nanoTime() % 1_000_000L * 100_000L, 20);
                List<ObjectNode> values = new ArrayList<>();
                history.forEach(delivered -> values.add(WireFormat.value(delivered.envelope(), delivered.event())));
                WireFormat.publish(infrastructure, unit + ":2023", values);
                lastByUnitYear.put(unit, history.get(history.size() - 1).envelope().sequence());
            }

            Freshness freshness = first.getBean(Freshness.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> lastByUnitYear.entrySet().stream()
                    .allMatch(entry -> freshness.lastApplied(entry.getKey(), 2023) >= entry.getValue()));
        }
    }

    private static int assigned(ConfigurableApplicationContext context) {
        MessageListenerContainer container = context.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("projection");
        return container == null || container.getAssignedPartitions() == null ? 0 : container.getAssignedPartitions().size();
    }

    private static ConfigurableApplicationContext instance(Infrastructure infrastructure, String group) {
        Map<String, Object> properties = new HashMap<>(TestUsers.properties());
        properties.putAll(SharedInfrastructure.properties());
        SharedInfrastructure.get();
        // an argument: default properties rank below the service's budgetledger/projection.properties
        return new SpringApplicationBuilder(ProjectionServiceApplication.class).web(WebApplicationType.NONE)
                .properties(properties).run("--budgetledger.projection.group-id=" + group);
    }
}
