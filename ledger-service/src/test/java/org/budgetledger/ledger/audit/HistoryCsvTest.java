package org.budgetledger.ledger.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The bytes of the history's CSV: a BOM, CRLF lines, the text fields quoted, the others as they are. */
class HistoryCsvTest {

    private static final String HEADER = "\uFEFFsequence,eventId,transactionId,type,unit,year,aggregateId,aggregateSequence,"
            + "effectiveDate,recordedAt,principal,previousHash,hash,seal,payload\r\n";

    @Test
    void an_event_with_every_field_is_one_line_with_quotes_doubled_inside_the_quoted_fields() {
        StoredEvent event = new StoredEvent(42, "e-1", "a1,\"x\"", "PaymentMade", "430001:2023", 7, "430001", 2023,
                "2023-03-01", Instant.parse("2023-03-01T08:00:00.123Z"), "jwt:https://idp/:张三",
                "{\"amount\":\"1.00\",\"memo\":\"a, \\\"b\\\"\nc\"}", "ab12", "cd34", "c2VhbA==", null, null);

        assertThat(HistoryCsv.write(List.of(event))).isEqualTo(HEADER
                + "42,\"e-1\",\"a1,\"\"x\"\"\",PaymentMade,\"430001\",2023,\"430001:2023\",7,2023-03-01,"
                + "2023-03-01T08:00:00.123Z,\"jwt:https://idp/:张三\",ab12,cd34,c2VhbA==,"
                + "\"{\"\"amount\"\":\"\"1.00\"\",\"\"memo\"\":\"\"a, \\\"\"b\\\"\"\nc\"\"}\"\r\n");
    }

    @Test
    void missing_fields_are_empty_and_unquoted_and_an_empty_history_is_the_header_alone() {
        StoredEvent event = new StoredEvent(1, "e-2", null, "YearClosed", "430001:2023", 1, "430001", 2023,
                null, Instant.parse("2023-12-31T16:00:00Z"), "admin", "", null, null, null, null, null);

        assertThat(HistoryCsv.write(List.of(event, event))).isEqualTo(HEADER
                + "1,\"e-2\",,YearClosed,\"430001\",2023,\"430001:2023\",1,,2023-12-31T16:00:00Z,\"admin\",,,,\"\"\r\n"
                + "1,\"e-2\",,YearClosed,\"430001\",2023,\"430001:2023\",1,,2023-12-31T16:00:00Z,\"admin\",,,,\"\"\r\n");
        assertThat(HistoryCsv.write(List.of())).isEqualTo(HEADER);
    }
}
