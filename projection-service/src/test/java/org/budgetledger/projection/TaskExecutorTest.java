package org.budgetledger.projection;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.concurrent.Executor;

import static org.assertj.core.api.Assertions.assertThat;

/** The service's own executors beside Spring Boot's. */
class TaskExecutorTest extends ProjectionIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void the_replay_executors_leave_spring_boots_task_executor_in_place() {
        // any Executor bean of the service's own would make Spring Boot leave out its applicationTaskExecutor
        // (Spring MVC's asynchronous requests), unless spring.task.execution.mode=force
        assertThat(context.getBeanNamesForType(Executor.class))
                .contains("replayWorker", "replayHelpers", "replayReader", "applicationTaskExecutor");
    }
}
