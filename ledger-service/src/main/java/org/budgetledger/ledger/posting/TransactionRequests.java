package org.budgetledger.ledger.posting;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.api.Rejection;
import org.budgetledger.web.ApiProblem;
import org.budgetledger.web.ProblemResponses;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Binds a body to its {@link TransactionRequest}: the record of the type its {@code type} names, found among the
 * permitted subclasses of {@link TypedRequest} by their {@link JsonTypeName}. Each field is read as the record
 * components of that name are typed ({@code year} a whole number, {@code amount} an {@link AmountText}, text a
 * string), so a value of the wrong kind, or a field no type has, is refused as JSON binding refuses it; a missing
 * or unknown type, or fields of other types, bind to a request that is refused with every fault of its fields.
 */
public final class TransactionRequests {

    private static final Map<String, Class<? extends TypedRequest>> TYPES = typesByName();
    private static final Map<Class<?>, String> NAMES = names();
    /** In the order the types are declared. */
    private static final Map<Class<?>, Layout> LAYOUTS = layouts();
    /** Every field of every type, with the Java type it binds to (a schedule: a list of its items), in the order fields are listed. */
    private static final Map<String, Type> FIELDS = fields();

    /** A type's record: its components (in order, with their names) and its canonical constructor. */
    private record Layout(List<RecordComponent> components, List<String> names,
                          Constructor<? extends TypedRequest> constructor) {
    }

    /** What a body bound to: a request (perhaps one refused for its fields), or why it is no request at all. */
    public sealed interface Decoded {
    }

    /** A request: of its type, or one refused for its fields ({@link UntypedRequest}, {@link MisfitRequest}). */
    public record Readable(TransactionRequest request) implements Decoded {
    }

    /** Not a JSON object, malformed, a field of the wrong kind or a field no transaction type has. */
    public record Unreadable(Rejection rejection) implements Decoded {
    }

    private TransactionRequests() {
    }

    /** The transaction types' names, in the order the types are declared. */
    public static List<String> typeNames() {
        return List.copyOf(TYPES.keySet());
    }

    /** Every field of every transaction type (the common ones first), in the order fields are listed. */
    public static List<String> fieldNames() {
        return List.copyOf(FIELDS.keySet());
    }

    /**
     * The fields whose value is an object of fields of its own (PAY's {@code procurement} and {@code activity}), each
     * with the names of those fields, in the order fields are listed: what a voucher file's columns
     * {@code procurement.category}, {@code activity.count} … name.
     */
    public static Map<String, List<String>> objectFieldNames() {
        Map<String, List<String>> objects = new LinkedHashMap<>();
        FIELDS.forEach((name, type) -> {
            if (type instanceof Class<?> object && object.isRecord() && object != AmountText.class) {
                objects.put(name, Arrays.stream(object.getRecordComponents()).map(RecordComponent::getName).toList());
            }
        });
        return objects;
    }

    /** The records of the transaction types, in the order they are declared. */
    static List<Class<? extends TypedRequest>> types() {
        return List.copyOf(TYPES.values());
    }

    static String typeName(Class<?> type) {
        return NAMES.get(type);
    }

    /** The components of a type's record, in order. */
    static List<RecordComponent> components(Class<? extends TypedRequest> type) {
        return LAYOUTS.get(type).components();
    }

    /** A JSON body, as the application's JSON mapper reads it. */
    public static Decoded read(ObjectMapper json, byte[] body) {
        try {
            return decoded(json.readValue(body, TransactionRequest.class));
        } catch (IOException unreadable) {
            return unreadable(ProblemResponses.unreadableJson(unreadable));
        }
    }

    /** Fields given as values (a row of a voucher file, say), as if they were a JSON object of them. */
    public static Decoded convert(ObjectMapper json, Map<String, ?> fields) {
        try {
            return decoded(json.convertValue(fields, TransactionRequest.class));
        } catch (IllegalArgumentException unreadable) {
            return unreadable(ProblemResponses.unreadableJson(unreadable.getCause()));
        }
    }

    private static Decoded decoded(TransactionRequest request) {
        // a JSON null binds to no request at all
        return request == null ? new Unreadable(Rejection.of(ProblemCode.MALFORMED_REQUEST, "the body must be a JSON object"))
                : new Readable(request);
    }

    private static Decoded unreadable(ApiProblem problem) {
        return new Unreadable(problem.rejection());
    }

    /** The request of bound fields: absent ones are null. */
    static TransactionRequest of(Map<String, Object> values) {
        Class<? extends TypedRequest> type = TYPES.get((String) values.get("type"));
        if (type == null) {
            return new UntypedRequest((String) values.get("id"), (String) values.get("type"), (String) values.get("unit"),
                    (Integer) values.get("year"), (String) values.get("date"), (String) values.get("memo"),
                    (String) values.get("voucher"));
        }
        Layout layout = LAYOUTS.get(type);
        TypedRequest request = construct(layout, layout.names().stream().map(values::get).toArray());
        List<String> foreign = FIELDS.keySet().stream()
                .filter(name -> !name.equals("type") && values.get(name) != null && !layout.names().contains(name)).toList();
        return foreign.isEmpty() ? request : new MisfitRequest(request, foreign);
    }

    private static TypedRequest construct(Layout layout, Object[] arguments) {
        try {
            return layout.constructor().newInstance(arguments);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException impossible) {
            throw new IllegalStateException("a request record cannot be built: " + layout.constructor(), impossible);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Class<? extends TypedRequest>> typesByName() {
        Map<String, Class<? extends TypedRequest>> types = new LinkedHashMap<>();
        for (Class<?> type : TypedRequest.class.getPermittedSubclasses()) {
            JsonTypeName name = type.getAnnotation(JsonTypeName.class);
            if (name == null || types.put(name.value(), (Class<? extends TypedRequest>) type) != null) {
                throw new IllegalStateException(type + " needs a @JsonTypeName of its own: the type it is posted as");
            }
        }
        return types;
    }

    private static Map<Class<?>, String> names() {
        Map<Class<?>, String> names = new HashMap<>();
        TYPES.forEach((name, type) -> names.put(type, name));
        return names;
    }

    private static Map<Class<?>, Layout> layouts() {
        Map<Class<?>, Layout> layouts = new LinkedHashMap<>();
        for (Class<? extends TypedRequest> type : TYPES.values()) {
            RecordComponent[] components = type.getRecordComponents();
            try {
                layouts.put(type, new Layout(List.of(components), Arrays.stream(components).map(RecordComponent::getName).toList(),
                        type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new))));
            } catch (NoSuchMethodException impossible) {
                throw new IllegalStateException("a record has its canonical constructor: " + type, impossible);
            }
        }
        return layouts;
    }

    /** The fields in the order {@link TransactionRequest} lists them, then those of types added since, as declared. */
    private static Map<String, Type> fields() {
        Map<String, Type> declared = new LinkedHashMap<>();
        declared.put("type", String.class);
        for (Layout layout : LAYOUTS.values()) {
            for (RecordComponent component : layout.components()) {
                Type earlier = declared.putIfAbsent(component.getName(), component.getGenericType());
                if (earlier != null && !earlier.equals(component.getGenericType())) {
                    // a field is read before its type is known: it must mean the same in every type
                    throw new IllegalStateException("the field " + component.getName() + " is a " + earlier.getTypeName()
                            + " in one request record and a " + component.getGenericType().getTypeName() + " in another");
                }
            }
        }
        Map<String, Type> fields = new LinkedHashMap<>();
        Stream.concat(Arrays.stream(TransactionRequest.class.getAnnotation(JsonPropertyOrder.class).value()),
                        declared.keySet().stream())
                .filter(declared::containsKey).forEach(name -> fields.putIfAbsent(name, declared.get(name)));
        return fields;
    }

    /**
     * Reads the fields of a JSON object in order, each as its record components are typed, with the readers of the
     * mapper it belongs to (the request bodies' one checks strings for lone surrogates).
     */
    static final class Reader extends StdDeserializer<TransactionRequest> implements ResolvableDeserializer {

        private final Map<String, JsonDeserializer<Object>> readers = new HashMap<>();

        Reader() {
            super(TransactionRequest.class);
        }

        @Override
        public void resolve(DeserializationContext context) throws JsonMappingException {
            for (Map.Entry<String, Type> field : FIELDS.entrySet()) {
                readers.put(field.getKey(), context.findRootValueDeserializer(context.constructType(field.getValue())));
            }
        }

        /**
         * Kept by the mapper once built and resolved: it holds nothing of one body. Otherwise Jackson builds and
         * resolves it again (Spring's mapper: as a bean) each time it is asked whether it can read a request, which
         * Spring MVC asks before every body.
         */
        @Override
        public boolean isCachable() {
            return true;
        }

        @Override
        public TransactionRequest deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.START_OBJECT) {
                token = parser.nextToken();
            } else if (token != JsonToken.FIELD_NAME && token != JsonToken.END_OBJECT) {
                return (TransactionRequest) context.handleUnexpectedToken(TransactionRequest.class, parser);
            }
            Map<String, Object> values = new HashMap<>();
            // as Jackson binds a record: a value of the wrong kind is refused at once, a field no type has at the end
            String unknown = null;
            for (; token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonDeserializer<Object> reader = readers.get(name);
                JsonToken value = parser.nextToken();
                if (reader == null) {
                    unknown = unknown == null ? name : unknown;
                    parser.skipChildren();
                    continue;
                }
                try {
                    values.put(name, value == JsonToken.VALUE_NULL ? null : reader.deserialize(parser, context));
                } catch (IOException wrong) {
                    throw JsonMappingException.wrapWithPath(wrong, TransactionRequest.class, name);
                }
            }
            if (unknown != null && context.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)) {
                throw UnrecognizedPropertyException.from(parser, TransactionRequest.class, unknown,
                        new ArrayList<>(FIELDS.keySet()));
            }
            return of(values);
        }
    }
}
