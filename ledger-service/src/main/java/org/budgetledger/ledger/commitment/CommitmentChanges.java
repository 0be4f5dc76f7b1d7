package org.budgetledger.ledger.commitment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.budgetledger.contracts.events.CommitmentCarriedOver;
import org.budgetledger.contracts.events.CommitmentMade;
import org.budgetledger.contracts.events.CommitmentReleased;
import org.budgetledger.contracts.events.LedgerEvent;
import org.budgetledger.contracts.events.PaymentMade;
import org.budgetledger.contracts.events.ScheduledPayment;
import org.budgetledger.contracts.money.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What an event does to the commitments (SPEC §14): makes one (or, carried over, makes it again in the next year and
 * marks where it went), or moves what was paid under it or released of it. The one definition of a commitment's row,
 * which {@link CommitmentWrites} writes and {@link CommitmentCheck} recomputes.
 */
final class CommitmentChanges {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** A change of the row of commitment {@code id} of {@code unit} in {@code year}. */
    sealed interface CommitmentChange permits Made, Moved, CarriedInto {
        String unit();

        int year();

        String id();
    }

    /** A commitment's row in its year: made there, or carried there from {@code carriedFrom} (else null). */
    record Made(String unit, int year, String id, String lineId, LocalDate madeOn, long amountFen, String contract,
                String payee, List<ScheduledPayment> schedule, Integer carriedFrom) implements CommitmentChange {
    }

    /** A change of a commitment's {@code column} by {@code deltaFen}. */
    record Moved(String unit, int year, String id, Column column, long deltaFen) implements CommitmentChange {
    }

    /** The commitment's row in the closed year {@code year} says it went on in {@code intoYear}. */
    record CarriedInto(String unit, int year, String id, int intoYear) implements CommitmentChange {
    }

    enum Column {
        PAID("paid_fen"), RELEASED("released_fen");

        final String name;

        Column(String name) {
            this.name = name;
        }
    }

    private CommitmentChanges() {
    }

    static List<CommitmentChange> of(LedgerEvent event) {
        if (event instanceof CommitmentMade e) {
            return List.of(new Made(e.unit(), e.year(), e.transactionId(), e.lineId(), e.effectiveDate(), e.amount().fen(),
                    e.contract(), e.payee(), e.schedule(), null));
        }
        if (event instanceof CommitmentCarriedOver e) {
            return List.of(new Made(e.unit(), e.year(), e.commitment(), e.lineId(), e.effectiveDate(), e.amount().fen(),
                    e.contract(), e.payee(), e.schedule(), e.fromYear()),
                    new CarriedInto(e.unit(), e.fromYear(), e.commitment(), e.year()));
        }
        if (event instanceof PaymentMade e && e.commitment() != null) {
            return List.of(new Moved(e.unit(), e.year(), e.commitment(), Column.PAID, e.amount().fen()));
        }
        if (event instanceof CommitmentReleased e) {
            return List.of(new Moved(e.unit(), e.year(), e.commitment(), Column.RELEASED, e.amount().fen()));
        }
        return List.of();
    }

    /** A schedule as its column holds it: {@code [{"date": "2023-07-01", "amount": "100.00"}, …]}. */
    static String scheduleJson(List<ScheduledPayment> schedule) {
        ArrayNode items = JSON.createArrayNode();
        schedule.forEach(payment -> items.addObject().put("date", payment.date().toString())
                .put("amount", payment.amount().toYuanString()));
        return items.toString();
    }

    /** A schedule as its column holds it, read back. */
    static List<ScheduledPayment> schedule(String json) {
        try {
            List<ScheduledPayment> schedule = new ArrayList<>();
            for (JsonNode item : JSON.readTree(json)) {
                schedule.add(new ScheduledPayment(LocalDate.parse(item.path("date").asText()),
                        Money.parseYuan(item.path("amount").asText())));
            }
            return List.copyOf(schedule);
        } catch (JsonProcessingException impossible) {
            // the column is jsonb, written from a schedule
            throw new IllegalStateException(impossible);
        }
    }
}
