package org.budgetledger.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

import java.io.IOException;

/**
 * JSON is read as written, nothing converted behind the client's back:
 * <ul>
 *   <li>everywhere (the application's ObjectMapper): a string field takes a JSON string only — {@code true},
 *       {@code 12} or {@code 1.5} are not turned into text — and a whole-number field takes no fraction
 *       ({@code 2023.5} is not cut to 2023). Amounts keep their own reader and stay accepted as JSON numbers
 *       (SPEC §3); a string where a number is expected ({@code "year": "2023"}) is still read, as voucher files
 *       carry every cell as text;</li>
 *   <li>in request bodies (the HTTP message converter's copy of it): no string holds an unpaired UTF-16
 *       surrogate (a lone {@code \ud800} escape), which UTF-8 cannot store, and nothing may follow the body's
 *       value. Stored events are read without this check: history written before it must stay readable.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class StrictJson {

    /** A string field of a request body held an unpaired surrogate. */
    public static final class UnpairedSurrogate extends MismatchedInputException {
        UnpairedSurrogate(JsonParser parser) {
            super(parser, Identifiers.UNPAIRED_SURROGATE, String.class);
        }
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer noScalarCoercion() {
        return builder -> builder.postConfigurer(StrictJson::refuseCoercions);
    }

    @Bean
    MappingJackson2HttpMessageConverter requestBodyJson(ObjectMapper json) {
        ObjectMapper requests = json.copy()
                .registerModule(new SimpleModule("request-strings").addDeserializer(String.class, new SurrogateCheckingStrings()))
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        return new MappingJackson2HttpMessageConverter(requests);
    }

    static void refuseCoercions(ObjectMapper json) {
        json.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        json.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    }

    /** Jackson's own string reader (with its coercion rules), refusing text UTF-8 cannot hold. */
    static final class SurrogateCheckingStrings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (text != null && Identifiers.hasUnpairedSurrogate(text)) {
                throw new UnpairedSurrogate(parser);
            }
            return text;
        }
    }
}
