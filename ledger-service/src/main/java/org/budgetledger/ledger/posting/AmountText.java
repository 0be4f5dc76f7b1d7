package org.budgetledger.ledger.posting;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import java.io.IOException;

/**
 * An amount exactly as the client wrote it: a JSON string, or the literal text of a JSON number (so that
 * {@code 1e3} or {@code 0.125} can be refused rather than silently converted). Parsed by {@link FieldChecks}.
 *
 * @param text null when the JSON value was neither a string nor a number
 */
@JsonDeserialize(using = AmountText.Reader.class)
public record AmountText(@JsonValue String text) {

    static final class Reader extends JsonDeserializer<AmountText> {
        @Override
        public AmountText deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT
                    || token == JsonToken.VALUE_NUMBER_FLOAT) {
                return new AmountText(parser.getText());
            }
            parser.skipChildren();
            return new AmountText(null);
        }
    }
}
