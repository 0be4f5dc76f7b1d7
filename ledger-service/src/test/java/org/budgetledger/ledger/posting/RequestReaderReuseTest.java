package org.budgetledger.ledger.posting;

import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.cfg.HandlerInstantiator;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.jsontype.TypeIdResolver;
import com.fasterxml.jackson.databind.jsontype.TypeResolverBuilder;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mapper builds the request reader (and the readers it uses) once. Spring's message converter asks the mapper whether it can read a
 * {@link TransactionRequest} before every body, and Spring's mapper builds the reader as a bean: built anew each
 * time, it cost about a tenth of a single POST's request-thread CPU (async-profiler).
 */
class RequestReaderReuseTest {

    @Test
    void the_reader_is_built_once_per_mapper_however_often_it_is_asked_for() {
        AtomicInteger built = new AtomicInteger();
        ObjectMapper json = new ObjectMapper();
        json.setHandlerInstantiator(new HandlerInstantiator() {
            @Override
            public JsonDeserializer<?> deserializerInstance(DeserializationConfig config, Annotated annotated, Class<?> type) {
                built.incrementAndGet();
                return null; // Jackson then builds it itself, as without an instantiator
            }

            @Override
            public KeyDeserializer keyDeserializerInstance(DeserializationConfig config,
                    Annotated annotated, Class<?> type) {
                return null;
            }

            @Override
            public JsonSerializer<?> serializerInstance(
                    SerializationConfig config, Annotated annotated, Class<?> type) {
                return null;
            }

            @Override
            public TypeResolverBuilder<?> typeResolverBuilderInstance(
                    MapperConfig<?> config, Annotated annotated, Class<?> type) {
                return null;
            }

            @Override
            public TypeIdResolver typeIdResolverInstance(
                    MapperConfig<?> config, Annotated annotated, Class<?> type) {
                return null;
            }
        });
        byte[] body = ("{\"type\":\"PAY\",\"id\":\"p1\",\"unit\":\"U1\",\"year\":2023,\"date\":\"2023-02-10\","
                + "\"line\":\"a1\",\"economic\":\"30201\",\"amount\":\"12.50\"}").getBytes(StandardCharsets.UTF_8);

        askAndRead(json, body);
        int builtForTheFirstBody = built.get();
        for (int request = 0; request < 5; request++) {
            askAndRead(json, body);
        }

        assertThat(builtForTheFirstBody).isPositive();
        assertThat(built).hasValue(builtForTheFirstBody);
    }

    /** What Spring MVC does with a body: asks whether the mapper can read a request, then reads it. */
    private static void askAndRead(ObjectMapper json, byte[] body) {
        assertThat(json.canDeserialize(json.constructType(TransactionRequest.class))).isTrue();
        assertThat(TransactionRequests.read(json, body)).isInstanceOf(TransactionRequests.Readable.class);
    }
}
