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

    @Test
    void a_commitment_s_schedule_binds_to_its_items_and_is_checked_item_by_item() {
        TransactionRequest request = ((TransactionRequests.Readable) read("{\"type\":\"COMMIT\",\"id\":\"k1\",\"unit\":\"U1\","
                + "\"year\":2023,\"date\":\"2023-03-01\",\"line\":\"a1\",\"amount\":\"300\",\"schedule\":["
                + "{\"date\":\"2023-12-01\",\"amount\":200},{\"date\":\"2023-06-01\",\"amount\":\"100.00\"}]}")).request();

        assertThat(request).isEqualTo(new CommitRequest("k1", "U1", 2023, "2023-03-01", null, null, "a1", new AmountText("300"),
                null, null, List.of(new ScheduledPaymentText("2023-12-01", new AmountText("200")),
                new ScheduledPaymentText("2023-06-01", new AmountText("100.00")))));
        org.budgetledger.ledger.budgetyear.Commit commit = (org.budgetledger.ledger.budgetyear.Commit)
                ((RequestCheck.Passed) request.command("clerk")).command();
        assertThat(commit.schedule()).extracting(payment -> payment.date() + ":" + payment.amount())
                .containsExactly("2023-06-01:100.00", "2023-12-01:200.00");
        assertThat(((TypedRequest) request).canonical()).isEqualTo("{\"amount\":\"300.00\",\"date\":\"2023-03-01\","
                + "\"id\":\"k1\",\"line\":\"a1\",\"schedule\":[{\"amount\":\"200.00\",\"date\":\"2023-12-01\"},"
                + "{\"amount\":\"100.00\",\"date\":\"2023-06-01\"}],\"type\":\"COMMIT\",\"unit\":\"U1\",\"year\":2023}");

        TransactionRequest faulty = ((TransactionRequests.Readable) read("{\"type\":\"COMMIT\",\"id\":\"k1\",\"unit\":\"U1\","
                + "\"year\":2023,\"date\":\"2023-03-01\",\"line\":\"a1\",\"amount\":\"300\",\"schedule\":[null,"
                + "{\"date\":\"2023-02-30\",\"amount\":\"1\"},{\"amount\":\"1.001\"}]}")).request();
        Rejection refused = ((RequestCheck.Failed) faulty.command("clerk")).rejection();
        assertThat(refused.code()).isEqualTo(ProblemCode.VALIDATION_FAILED);
        assertThat(refused.errors()).extracting(FieldError::field)
                .containsExactly("schedule[0]", "schedule[1].date", "schedule[2].date", "schedule[2].amount");
        assertThat(refused.errors().subList(0, 3)).containsExactly(
                new FieldError("schedule[0]", "required: a scheduled payment {date, amount}"),
                new FieldError("schedule[1].date", "must be a date YYYY-MM-DD"), new FieldError("schedule[2].date", "required"));
    }

    @Test
    void a_schedule_of_the_wrong_kind_is_refused_as_json_binding_refuses_it() {
        String commit = "{\"type\":\"COMMIT\",\"id\":\"k1\",\"line\":\"a1\",\"schedule\":";
        assertThat(read(commit + "\"2023-06-01:1.00\"}")).isEqualTo(new TransactionRequests.Unreadable(new Rejection(
                ProblemCode.VALIDATION_FAILED, "schedule: must be an array", List.of(new FieldError("schedule", "must be an array")))));
        assertThat(((TransactionRequests.Unreadable) read(commit + "[1]}")).rejection().code()).isEqualTo(ProblemCode.VALIDATION_FAILED);
        assertThat(read(commit + "[{\"date\":\"2023-06-01\",\"amount\":\"1\",\"colour\":\"red\"}]}")).isEqualTo(
                new TransactionRequests.Unreadable(new Rejection(ProblemCode.VALIDATION_FAILED, "unknown field schedule.[0].colour",
                        List.of(new FieldError("schedule.[0].colour", "unknown field")))));
    }
}
