package org.budgetledger.ledger.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.api.Rejection;
import org.budgetledger.ledger.posting.TransactionRequest;
import org.budgetledger.ledger.posting.TransactionRequests;
import org.budgetledger.web.ApiProblem;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The columns of a voucher file are the fields of a transaction, named as in its JSON
 * ({@link TransactionRequest}): a row is read as the JSON object of its non-empty cells, so it is validated
 * exactly as a POST of that object would be. A COMMIT's {@code schedule}, a list in JSON, is one cell:
 * {@code 2023-07-01:100.00;2023-12-01:200.00} (date and amount of each expected payment, separated by {@code ;}).
 * A field whose value is an object (PAY's {@code procurement}, {@code activity}) is given by a column per field of
 * it, {@code procurement.category}, {@code activity.count} …
 */
@Component
class TransactionColumns {

    private static final Map<String, List<String>> OBJECTS = TransactionRequests.objectFieldNames();
    /** Every field of every type of transaction, in the order they are listed, an object's fields in its place. */
    static final List<String> NAMES = TransactionRequests.fieldNames().stream()
            .flatMap(name -> OBJECTS.containsKey(name) ? OBJECTS.get(name).stream().map(field -> name + "." + field)
                    : java.util.stream.Stream.of(name))
            .toList();
    private static final List<String> REQUIRED = List.of("id", "type");
    private static final String SCHEDULE = "schedule";
    private static final String SCHEDULE_EXPECTED = "must be date:amount of each scheduled payment, separated by ';' "
            + "(2023-07-01:100.00;2023-12-01:200.00)";

    private final ObjectMapper json;

    TransactionColumns(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Checks the header: each column is a field, at most once, and {@code id} and {@code type} are there.
     * Empty cells after the last named column are ignored (spreadsheets export them).
     *
     * @return the column names
     */
    List<String> check(List<String> header) {
        int width = header.size();
        while (width > 0 && isEmpty(header.get(width - 1))) {
            width--;
        }
        List<String> columns = new ArrayList<>(header.subList(0, width));
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < columns.size(); index++) {
            String name = columns.get(index);
            if (isEmpty(name)) {
                errors.add(new FieldError("file", "column " + (index + 1) + " has no name"));
            } else if (!NAMES.contains(name)) {
                errors.add(new FieldError(name, "unknown column"));
            } else if (!seen.add(name)) {
                errors.add(new FieldError(name, "repeated column"));
            }
        }
        REQUIRED.stream().filter(name -> !columns.contains(name))
                .forEach(name -> errors.add(new FieldError(name, "column required")));
        if (!errors.isEmpty()) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "the header (row 1) must name fields of a transaction ("
                    + String.join(", ", NAMES) + "), id and type among them: " + errors.stream()
                    .map(error -> error.field() + ": " + error.message()).collect(Collectors.joining("; ")), errors);
        }
        return List.copyOf(columns);
    }

    /** The transaction a row holds, or why it holds none (a malformed {@code year}, a value outside the columns). */
    ImportRow row(Sheet.Row row, List<String> columns) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int index = 0; index < row.cells().size(); index++) {
            String cell = row.cells().get(index);
            if (isEmpty(cell)) {
                continue;
            }
            if (index >= columns.size()) {
                return unreadable(row, (String) fields.get("id"), new Rejection(ProblemCode.VALIDATION_FAILED,
                        "a value in column " + (index + 1) + ", which has no name",
                        List.of(new FieldError("file", "value outside the named columns"))));
            }
            put(fields, columns.get(index), cell);
        }
        String id = (String) fields.get("id");
        if (fields.containsKey(SCHEDULE)) {
            List<Map<String, String>> schedule = schedule((String) fields.get(SCHEDULE));
            if (schedule == null) {
                return unreadable(row, id, new Rejection(ProblemCode.VALIDATION_FAILED, SCHEDULE + ": " + SCHEDULE_EXPECTED,
                        List.of(new FieldError(SCHEDULE, SCHEDULE_EXPECTED))));
            }
            fields.put(SCHEDULE, schedule);
        }
        TransactionRequests.Decoded decoded = TransactionRequests.convert(json, fields);
        return new ImportRow(row.number(), id, decoded);
    }

    /**
     * A schedule cell as the JSON list it stands for, each {@code date:amount} an item {@code {date, amount}} (checked
     * as a POST's are); null when a part is not two texts around a {@code :}. A trailing {@code ;} is allowed.
     */
    private static List<Map<String, String>> schedule(String cell) {
        List<Map<String, String>> items = new ArrayList<>();
        String[] parts = cell.split(";", -1);
        for (int index = 0; index < parts.length; index++) {
            String part = parts[index];
            if (part.isEmpty() && index == parts.length - 1 && index > 0) {
                continue;
            }
            int colon = part.indexOf(':');
            if (colon <= 0 || colon == part.length() - 1) {
                return null;
            }
            Map<String, String> item = new LinkedHashMap<>();
            item.put("date", part.substring(0, colon));
            item.put("amount", part.substring(colon + 1));
            items.add(item);
        }
        return items;
    }

    /** A cell of a column {@code object.field} goes into the object, as its JSON would hold it. */
    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> fields, String column, String cell) {
        int dot = column.indexOf('.');
        if (dot < 0) {
            fields.put(column, cell);
        } else {
            ((Map<String, Object>) fields.computeIfAbsent(column.substring(0, dot), object -> new LinkedHashMap<String, Object>()))
                    .put(column.substring(dot + 1), cell);
        }
    }

    private static ImportRow unreadable(Sheet.Row row, String id, Rejection rejection) {
        return new ImportRow(row.number(), id, new TransactionRequests.Unreadable(rejection));
    }

    private static boolean isEmpty(String cell) {
        return cell == null || cell.isEmpty();
    }
}
