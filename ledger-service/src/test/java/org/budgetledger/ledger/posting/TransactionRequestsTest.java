package org.budgetledger.ledger.posting;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.ledger.budgetyear.Pay;
import org.budgetledger.contracts.api.Rejection;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Binding a body to its type's record, and what each kind of body binds to. */
class TransactionRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static TransactionRequests.Decoded read(String body) {
        return TransactionRequests.read(JSON, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_body_binds_to_the_record_its_type_names_and_builds_its_command() {
        TransactionRequests.Decoded decoded = read("{\"type\":\"PAY\",\"id\":\"p1\",\"unit\":\"U1\",\"year\":2023,"
                + "\"date\":\"2023-02-10\",\"line\":\"a1\",\"economic\":\"30201\",\"amount\":12.5,\"method\":\"DIRECT\"}");

        TransactionRequest request = ((TransactionRequests.Readable) decoded).request();
        assertThat(request).isEqualTo(new PayRequest("p1", "U1", 2023, "2023-02-10", null, null, "a1", "30201",
                new AmountText("12.5"), null, "DIRECT", null, null));
        assertThat(request.type()).isEqualTo("PAY");
        RequestCheck.Passed passed = (RequestCheck.Passed) request.command("clerk");
        Pay pay = (Pay) passed.command();
        assertThat(pay.budgetYearId()).isEqualTo("U1:2023");
        assertThat(pay.posting().principal()).isEqualTo("clerk");
        assertThat(pay.amount().toYuanString()).isEqualTo("12.50");
        assertThat(passed.request()).isSameAs(request);
    }

    @Test
    void a_missing_or_unknown_type_and_fields_of_other_types_bind_to_requests_that_are_refused() {
        TransactionRequest untyped = ((TransactionRequests.Readable) read("{\"id\":\"x\",\"fund\":\"OTHER\"}")).request();
        assertThat(untyped).isInstanceOf(UntypedRequest.class);
        assertThat(untyped.id()).isEqualTo("x");

        TransactionRequest misfit = ((TransactionRequests.Readable) read("{\"type\":\"CARRY_OVER\",\"id\":\"c\","
                + "\"unit\":\"U1\",\"year\":2023,\"payee\":\"p\",\"fund\":\"OTHER\"}")).request();
        assertThat(misfit).isEqualTo(new MisfitRequest(new CarryOverRequest("c", "U1", 2023, null, null, null),
                List.of("fund", "payee")));
        assertThat(misfit.command("admin")).isEqualTo(new RequestCheck.Failed(new Rejection(ProblemCode.VALIDATION_FAILED,
                "2 fields are not valid", List.of(new FieldError("fund", "not a field of CARRY_OVER"),
                new FieldError("payee", "not a field of CARRY_OVER")))));
    }

    @Test
    void what_is_no_request_at_all_is_unreadable_with_its_rejection() {
        assertThat(read("null")).isEqualTo(new TransactionRequests.Unreadable(
                Rejection.of(ProblemCode.MALFORMED_REQUEST, "the body must be a JSON object")));
        assertThat(read("{\"type\":\"PAY\",\"colour\":\"red\"}")).isEqualTo(new TransactionRequests.Unreadable(
                new Rejection(ProblemCode.VALIDATION_FAILED, "unknown field colour", List.of(new FieldError("colour", "unknown field")))));
        assertThat(TransactionRequests.convert(JSON, Map.of("type", "PAY", "year", "twenty"))).isEqualTo(
                new TransactionRequests.Unreadable(new Rejection(ProblemCode.VALIDATION_FAILED, "year: must be a whole number",
                        List.of(new FieldError("year", "must be a whole number")))));
    }
}
