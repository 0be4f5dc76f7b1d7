package org.budgetledger.ledger.posting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.budgetledger.contracts.money.Money;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical text of a request: its fields as JSON, sorted by name, without the absent ones, the amount
 * normalized ({@code 12.5} and {@code "12.50"} are the same amount). Stored with every accepted transaction and
 * fingerprinted for the idempotency rule, so it must stay byte for byte what it was when those were written.
 */
final class CanonicalRequests {

    private static final ObjectMapper CANONICAL = JsonMapper.builder().build();

    private CanonicalRequests() {
    }

    static String text(TypedRequest request) {
        Map<String, Object> fields = new TreeMap<>();
        fields.put("type", request.type());
        for (RecordComponent component : TransactionRequests.components(request.getClass())) {
            Object value = value(component, request);
            if (value instanceof AmountText amount) {
                value = Money.parseYuan(amount.text()).toYuanString();
            }
            if (value instanceof List<?> items) {
                // a schedule (the only list of a request): its amounts normalized; an empty one is no schedule
                value = items.isEmpty() ? null
                        : items.stream().map(item -> ((ScheduledPaymentText) item).canonical()).toList();
            }
            if (value != null) {
                fields.put(component.getName(), value);
            }
        }
        try {
            return CANONICAL.writeValueAsString(fields);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Object value(RecordComponent component, TypedRequest request) {
        try {
            return component.getAccessor().invoke(request);
        } catch (IllegalAccessException | InvocationTargetException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
