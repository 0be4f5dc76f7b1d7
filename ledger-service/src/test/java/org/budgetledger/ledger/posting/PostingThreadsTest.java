package org.budgetledger.ledger.posting;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.ledger.LedgerServiceApplication;
import org.budgetledger.ledger.Tx;
import org.budgetledger.testing.SharedInfrastructure;
import org.budgetledger.testing.TestUsers;
import org.budgetledger.web.security.Caller;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The ledger's own threads are Spring's executors: closing the context is what ends them. */
class PostingThreadsTest {

    @Test
    void closing_the_context_ends_the_group_commit_and_snapshot_threads() {
        // other tests' contexts in this JVM have threads of these names too
        Set<Thread> others = ledgerThreads();
        Map<String, Object> properties = new HashMap<>(SharedInfrastructure.properties());
        properties.putAll(TestUsers.keys());
        ConfigurableApplicationContext ledger = new SpringApplicationBuilder(LedgerServiceApplication.class)
                .web(WebApplicationType.NONE).properties(properties).run();
        try {
            TransactionRequest request = new ObjectMapper().convertValue(
                    Tx.pay("p1", "NO-SUCH-UNIT", 2023, "a1", "30201", "1.00"), TransactionRequest.class);
            PostingAnswer answer = ledger.getBean(TransactionPosting.class).post(request, Caller.system("threads"));
            assertThat(answer).isInstanceOf(PostingAnswer.Refused.class);
            assertThat(((PostingAnswer.Refused) answer).rejection().code()).isEqualTo(ProblemCode.UNKNOWN_UNIT);
            assertThat(ledgerThreads()).filteredOn(thread -> !others.contains(thread))
                    .anyMatch(thread -> thread.getName().equals("group-commit"));
        } finally {
            ledger.close();
        }

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(ledgerThreads()).filteredOn(thread -> !others.contains(thread)).isEmpty());
    }

    private static Set<Thread> ledgerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(thread -> thread.getName().equals("group-commit")
                        || thread.getName().equals("budget-year-snapshots"))
                .collect(Collectors.toSet());
    }
}
