package org.budgetledger.ledger.importing;

import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.web.ApiProblem;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The text of a CSV file: UTF-8 (with or without a byte-order mark) or GB18030, chosen by the client or
 * detected. Detection: a UTF-8 byte-order mark means UTF-8; else bytes that decode as UTF-8 without error
 * are UTF-8 (GB18030 text other than ASCII practically never does); else GB18030. Decoding is strict either
 * way: bytes that are not valid in the charset are refused, never replaced.
 *
 * @param text the decoded text without its byte-order mark
 */
record CsvText(Charset charset, String text) {

    static final String AUTO = "auto";
    static final Charset GB18030 = Charset.forName("GB18030");

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** The charset the client chose, or empty for {@code auto}. */
    static Optional<Charset> choice(String parameter) {
        if (AUTO.equalsIgnoreCase(parameter)) {
            return Optional.empty();
        }
        for (Charset charset : List.of(StandardCharsets.UTF_8, GB18030)) {
            if (charset.name().equalsIgnoreCase(parameter)) {
                return Optional.of(charset);
            }
        }
        throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "charset must be auto, UTF-8 or GB18030",
                List.of(new FieldError("charset", "auto, UTF-8 or GB18030")));
    }

    static CsvText decode(byte[] bytes, Optional<Charset> choice) {
        if (choice.isPresent()) {
            return decodeAs(bytes, choice.get()).orElseThrow(() -> notText("the file is not valid " + choice.get().name()));
        }
        if (startsWithUtf8Bom(bytes)) {
            return decodeAs(bytes, StandardCharsets.UTF_8)
                    .orElseThrow(() -> notText("the file starts with a UTF-8 byte-order mark but is not valid UTF-8"));
        }
        return decodeAs(bytes, StandardCharsets.UTF_8).or(() -> decodeAs(bytes, GB18030))
                .orElseThrow(() -> notText("the file is neither UTF-8 nor GB18030 text"));
    }

    private static Optional<CsvText> decodeAs(byte[] bytes, Charset charset) {
        try {
            String text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return Optional.of(new CsvText(charset, text.startsWith("\uFEFF") ? text.substring(1) : text));
        } catch (CharacterCodingException invalid) {
            return Optional.empty();
        }
    }

    private static boolean startsWithUtf8Bom(byte[] bytes) {
        return bytes.length >= UTF8_BOM.length
                && bytes[0] == UTF8_BOM[0] && bytes[1] == UTF8_BOM[1] && bytes[2] == UTF8_BOM[2];
    }

    private static ApiProblem notText(String message) {
        return new ApiProblem(ProblemCode.VALIDATION_FAILED, message + " (choose the charset with charset=UTF-8 or GB18030)",
                List.of(new FieldError("file", message)));
    }
}
