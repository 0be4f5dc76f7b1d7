package org.budgetledger.ledger.publishing;

import org.budgetledger.ledger.LedgerServiceApplication;
import org.budgetledger.testing.SharedInfrastructure;
import org.budgetledger.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The publisher's stop returns only once its loop has ended. The producer factory is a lifecycle bean that
 * closes its producer when the context stops, after the publisher: a round still in flight then would lose
 * its producer between sending and storing its position, and the next leader would publish it again.
 */
class PublisherStopTest {

    @Test
    void stop_returns_once_the_publishing_loop_has_ended() {
        Set<Thread> others = loopThreads();
        Map<String, Object> properties = new HashMap<>(SharedInfrastructure.properties());
        properties.putAll(TestUsers.keys());
        ConfigurableApplicationContext ledger = new SpringApplicationBuilder(LedgerServiceApplication.class)
                .web(WebApplicationType.NONE).properties(properties).run();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> !ours(others).isEmpty());

            ledger.getBean(KafkaEventPublisher.class).stop();

            assertThat(ours(others)).as("threads still in the publishing loop when stop() returned").isEmpty();
        } finally {
            ledger.close();
        }
    }

    private static Set<Thread> ours(Set<Thread> others) {
        return loopThreads().stream().filter(thread -> !others.contains(thread)).collect(Collectors.toSet());
    }

    /** The threads running a publisher's loop, of any ledger context in this JVM. */
    private static Set<Thread> loopThreads() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> Arrays.stream(thread.getValue()).anyMatch(frame ->
                        frame.getClassName().equals(KafkaEventPublisher.class.getName()) && frame.getMethodName().equals("run")))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }
}
