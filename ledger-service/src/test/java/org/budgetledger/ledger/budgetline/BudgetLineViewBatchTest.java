package org.budgetledger.ledger.budgetline;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.contracts.codes.PaymentMethod;
import org.budgetledger.contracts.events.BudgetAppropriated;
import org.budgetledger.contracts.events.LedgerEvent;
import org.budgetledger.contracts.events.PaymentMade;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.ledger.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The budget-line view writes the events of one commit together, and ends as if it had written them one by one. */
class BudgetLineViewBatchTest extends LedgerIntegrationTest {

    @Autowired
    DataSource dataSource;

    private final String unit = "BV" + UUID.randomUUID().toString().substring(0, 8);
    private final AtomicInteger statements = new AtomicInteger();

    @Test
    void the_events_of_one_commit_are_written_in_one_statement_per_kind_of_change() {
        ResultMessage<?> handled = handle(appropriated("l1", 100_000), appropriated("l2", 5_000), paid("l1", 1_200),
                paid("l2", 100), paid("l1", 300));

        assertThat(handled.isExceptional()).isFalse();
        // the two lines opened, then the three payments: one statement each, not one per event
        assertThat(statements).hasValue(2);
        assertThat(jdbc.sql("SELECT id, initial_fen, paid_fen FROM ledger.budget_line WHERE unit = ? ORDER BY id")
                .param(unit).query().listOfRows()).containsExactly(
                Map.of("id", "l1", "initial_fen", 100_000L, "paid_fen", 1_500L),
                Map.of("id", "l2", "initial_fen", 5_000L, "paid_fen", 100L));
    }

    @Test
    void a_move_of_a_line_the_view_does_not_hold_fails_the_batch() {
        ResultMessage<?> handled = handle(appropriated("l1", 100_000), paid("nowhere", 1_200));

        assertThat(handled.exceptionResult()).isInstanceOf(IllegalStateException.class)
                .hasMessage("budget line nowhere of unit " + unit + " is missing from the view");
    }

    private ResultMessage<?> handle(LedgerEvent... events) {
        BudgetLineView view = new BudgetLineView(new JdbcTemplate(countingStatements(dataSource)));
        List<EventMessage<?>> messages = List.of(events).stream()
                .<EventMessage<?>>map(GenericEventMessage::asEventMessage).toList();
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(messages);
        return batch.executeWithResult(() -> {
            view.on((LedgerEvent) batch.getMessage().getPayload());
            return null;
        });
    }

    private BudgetAppropriated appropriated(String lineId, long fen) {
        return new BudgetAppropriated(lineId, unit, 2023, LocalDate.of(2023, 1, 10), "clerk", null, null, lineId,
                Fund.GENERAL_BUDGET, "2140199", Kind.BASIC, null, null, Money.ofFen(fen));
    }

    private PaymentMade paid(String lineId, long fen) {
        return new PaymentMade("p-" + UUID.randomUUID(), unit, 2023, LocalDate.of(2023, 6, 10), "clerk", null, null,
                lineId, LineOrigin.APPROPRIATION, Fund.GENERAL_BUDGET, "2140199", Kind.BASIC, null, "30201",
                Money.ofFen(fen), null, PaymentMethod.DIRECT, null);
    }

    /** The data source, counting the statements prepared on its connections. */
    private DataSource countingStatements(DataSource target) {
        return new DelegatingDataSource(target) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = super.getConnection();
                return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                        (proxy, method, arguments) -> {
                            if (method.getName().equals("prepareStatement")) {
                                statements.incrementAndGet();
                            }
                            try {
                                return method.invoke(connection, arguments);
                            } catch (InvocationTargetException failed) {
                                throw failed.getCause();
                            }
                        });
            }
        };
    }
}
