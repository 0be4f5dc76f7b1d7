package org.budgetledger.ledger.posting;

import com.fasterxml.jackson.databind.JsonNode;
import org.budgetledger.contracts.events.BalancesCarriedIn;
import org.budgetledger.contracts.events.BudgetAdjusted;
import org.budgetledger.contracts.events.BudgetAppropriated;
import org.budgetledger.contracts.events.BudgetTransferred;
import org.budgetledger.contracts.events.CommitmentCarriedOver;
import org.budgetledger.contracts.events.CommitmentMade;
import org.budgetledger.contracts.events.CommitmentReleased;
import org.budgetledger.contracts.events.IncomeReceived;
import org.budgetledger.contracts.events.LedgerEvent;
import org.budgetledger.contracts.events.OpeningBalanceRecorded;
import org.budgetledger.contracts.events.PaymentMade;
import org.budgetledger.contracts.events.PaymentRefunded;
import org.budgetledger.contracts.events.ReserveUsed;
import org.budgetledger.contracts.events.ScheduledPayment;
import org.budgetledger.contracts.events.SurplusDistributed;
import org.budgetledger.contracts.events.ThreePublicLimitSet;
import org.budgetledger.contracts.events.YearClosed;
import org.budgetledger.contracts.money.InvalidAmountException;
import org.budgetledger.contracts.money.Money;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the events of a transaction say its stored record ({@code ledger.posted_transaction}) holds: its type,
 * unit, year, principal and created line, and every field of its request but a carry-over's date (which the
 * ledger ignores, dating it itself). A record that says anything else was not written by the posting that
 * stored those events.
 */
final class TransactionEvidence {

    /** The fields whose value is an object of fields of its own (SPEC §15: PAY's procurement and activity). */
    private static final Set<String> OBJECT_FIELDS = Set.of("procurement", "activity");
    /** The fields of every request, besides those of its type. */
    private static final Set<String> COMMON_FIELDS = Set.of("id", "type", "unit", "year", "date", "memo", "voucher");

    /** The record as verification reads it, its request as JSON text. */
    record Stored(String id, String type, String unit, int year, String principal, String lineId, String fingerprint,
                  String request) {
    }

    /**
     * What one event says of its transaction: the type, the budget year it was posted to, the line it created,
     * whether the request's date is the event's, and its type's request fields (a null value: absent).
     */
    record Said(Class<? extends TypedRequest> request, int year, String createdLineId, boolean dated,
                Map<String, Object> fields) {
        String type() {
            return TransactionRequests.typeName(request);
        }
    }

    /** An amount the ledger filled in when the request left it out (a RELEASE of all that is open): compared only when sent. */
    private record FilledIn(Money amount) {
    }

    /** A schedule (SPEC §14) as {@code date:amount;…}, earliest first, compared as such (null: none). */
    private record ScheduleText(String text) {

        static ScheduleText of(List<ScheduledPayment> schedule) {
            return new ScheduleText(schedule.isEmpty() ? null : String.join(";", schedule.stream()
                    .map(payment -> payment.date() + ":" + payment.amount()).toList()));
        }

        /** A request's schedule, as the ledger orders it (by date, equal dates as sent). */
        static ScheduleText of(JsonNode items) {
            if (items == null || !items.isArray()) {
                return new ScheduleText(items == null || items.isNull() ? null : items.toString());
            }
            List<ScheduledPayment> schedule = new ArrayList<>();
            for (JsonNode item : items) {
                try {
                    schedule.add(new ScheduledPayment(java.time.LocalDate.parse(item.path("date").asText()),
                            Money.parseYuan(item.path("amount").asText())));
                } catch (RuntimeException unreadable) {
                    return new ScheduleText(items.toString());
                }
            }
            schedule.sort(Comparator.comparing(ScheduledPayment::date));
            return of(schedule);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private TransactionEvidence() {
    }

    static Said of(LedgerEvent event) {
        if (event instanceof BudgetAppropriated e) {
            return dated(AppropriateRequest.class, e, e.lineId(), "fund", e.fund(), "subject", e.subject(), "kind", e.kind(),
                    "project", e.project(), "economic", e.economic(), "amount", e.amount());
        }
        if (event instanceof BudgetAdjusted e) {
            return dated(AdjustRequest.class, e, null, "line", e.lineId(), "amount", e.amount(), "reason", e.reason());
        }
        if (event instanceof BudgetTransferred e) {
            return dated(TransferRequest.class, e, null, "from", e.fromLineId(), "to", e.toLineId(), "amount", e.amount(),
                    "reason", e.reason());
        }
        if (event instanceof PaymentMade e) {
            return dated(PayRequest.class, e, null, "line", e.lineId(), "economic", e.economic(), "amount", e.amount(),
                    "payee", e.payee(), "method", e.method(), "counterparty", e.counterparty(), "commitment", e.commitment(),
                    "procurement", e.procurement() == null ? null : Map.of("category", e.procurement().category().name(),
                            "award", e.procurement().award().name()),
                    "activity", e.activity() == null ? null : Map.of("count", e.activity().count(), "persons", e.activity().persons()));
        }
        if (event instanceof PaymentRefunded e) {
            return dated(RefundRequest.class, e, null, "payment", e.paymentId(), "amount", e.amount());
        }
        if (event instanceof IncomeReceived e) {
            return dated(ReceiveRequest.class, e, null, "fund", e.fund(), "subject", e.subject(), "amount", e.amount(),
                    "counterparty", e.counterparty());
        }
        if (event instanceof OpeningBalanceRecorded e) {
            return dated(OpeningBalanceRequest.class, e, e.lineId(), "fund", e.fund(), "subject", e.subject(),
                    "kind", e.kind(), "project", e.project(), "economic", e.economic(), "amount", e.amount());
        }
        if (event instanceof ReserveUsed e) {
            return dated(UseReserveRequest.class, e, null, "fund", e.fund(), "subject", e.subject(), "amount", e.amount());
        }
        if (event instanceof SurplusDistributed e) {
            return dated(DistributeSurplusRequest.class, e, null, "fund", e.fund(), "subject", e.subject(),
                    "amount", e.amount());
        }
        if (event instanceof ThreePublicLimitSet e) {
            return dated(SetLimitRequest.class, e, null, "category", e.category(), "amount", e.amount());
        }
        if (event instanceof CommitmentMade e) {
            return dated(CommitRequest.class, e, null, "line", e.lineId(), "amount", e.amount(), "contract", e.contract(),
                    "payee", e.payee(), "schedule", ScheduleText.of(e.schedule()));
        }
        if (event instanceof CommitmentReleased e) {
            return dated(ReleaseRequest.class, e, null, "commitment", e.commitment(), "amount", new FilledIn(e.amount()));
        }
        if (event instanceof CommitmentCarriedOver e) {
            return new Said(CarryOverRequest.class, e.fromYear(), null, false, Map.of());
        }
        if (event instanceof YearClosed e) {
            return new Said(CarryOverRequest.class, e.year(), null, false, Map.of());
        }
        if (event instanceof BalancesCarriedIn e) {
            return new Said(CarryOverRequest.class, e.fromYear(), null, false, Map.of());
        }
        throw new IllegalArgumentException("no transaction type stores " + event.eventName());
    }

    /**
     * What the record says that the event does not, if anything.
     *
     * @param request  the record's request, parsed
     * @param sequence the event's, to name it
     */
    static Optional<String> disagreement(Stored stored, JsonNode request, LedgerEvent event, long sequence) {
        Said said = of(event);
        Map<String, Object[]> compared = new LinkedHashMap<>();
        compared.put("type", new Object[]{stored.type(), said.type()});
        compared.put("unit", new Object[]{stored.unit(), event.unit()});
        compared.put("year", new Object[]{stored.year(), said.year()});
        compared.put("principal", new Object[]{stored.principal(), event.principal()});
        compared.put("line_id", new Object[]{stored.lineId(), said.createdLineId()});
        if (!request.isObject()) {
            return Optional.of("its request is not a JSON object");
        }
        compared.put("request.id", new Object[]{text(request.get("id")), event.transactionId()});
        compared.put("request.type", new Object[]{text(request.get("type")), said.type()});
        compared.put("request.unit", new Object[]{text(request.get("unit")), event.unit()});
        compared.put("request.year", new Object[]{request.path("year").isInt() ? request.path("year").intValue() : text(request.get("year")),
                said.year()});
        if (said.dated()) {
            compared.put("request.date", new Object[]{text(request.get("date")), event.effectiveDate().toString()});
        }
        compared.put("request.memo", new Object[]{text(request.get("memo")), event.memo()});
        compared.put("request.voucher", new Object[]{text(request.get("voucher")), event.voucher()});
        said.fields().forEach((field, value) -> {
            if (value instanceof FilledIn filled) {
                if (text(request.get(field)) != null) {
                    compared.put("request." + field, new Object[]{amount(request.get(field)), filled.amount()});
                }
            } else if (value instanceof ScheduleText schedule) {
                compared.put("request." + field, new Object[]{ScheduleText.of(request.get(field)).text(), schedule.text()});
            } else {
                compared.put("request." + field, new Object[]{value instanceof Money ? amount(request.get(field))
                        : OBJECT_FIELDS.contains(field) ? object(request.get(field)) : text(request.get(field)), value});
            }
        });
        for (Map.Entry<String, Object[]> entry : compared.entrySet()) {
            Object recorded = entry.getValue()[0];
            Object evidence = entry.getValue()[1];
            if (!Objects.equals(recorded, evidence)) {
                return Optional.of(entry.getKey() + " is " + shown(recorded) + ", but its event (sequence " + sequence + ") says "
                        + shown(evidence));
            }
        }
        for (Iterator<String> fields = request.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!COMMON_FIELDS.contains(field) && !said.fields().containsKey(field)) {
                return Optional.of("its request has a field " + field + ", which no " + said.type() + " request takes");
            }
        }
        return Optional.empty();
    }

    private static Said dated(Class<? extends TypedRequest> request, LedgerEvent event, String createdLineId, Object... fields) {
        Map<String, Object> named = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            Object value = fields[i + 1];
            named.put((String) fields[i], value instanceof Enum<?> code ? code.name() : value);
        }
        return new Said(request, event.year(), createdLineId, true, named);
    }

    /** A request's text field as the validator takes it: an empty text is no text. */
    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asText();
        return text.isEmpty() ? null : text;
    }

    /** An object field of a request as its fields: whole numbers as numbers, the rest as text; absent: null. */
    private static Map<String, Object> object(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        value.fields().forEachRemaining(field -> fields.put(field.getKey(),
                field.getValue().isInt() ? Integer.valueOf(field.getValue().intValue()) : field.getValue().asText()));
        return fields;
    }

    /** An amount of a request, compared as money ({@code "10"} and {@code "10.00"} are the same amount). */
    private static Object amount(JsonNode value) {
        String text = text(value);
        try {
            return text == null ? null : Money.parseYuan(text);
        } catch (InvalidAmountException unreadable) {
            return text;
        }
    }

    private static String shown(Object value) {
        return value == null ? "absent" : value.toString();
    }
}
