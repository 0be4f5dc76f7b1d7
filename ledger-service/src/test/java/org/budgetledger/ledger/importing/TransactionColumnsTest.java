package org.budgetledger.ledger.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.ledger.posting.ActivityRequest;
import org.budgetledger.ledger.posting.AmountText;
import org.budgetledger.ledger.posting.PayRequest;
import org.budgetledger.ledger.posting.ProcurementRequest;
import org.budgetledger.ledger.posting.TransactionRequests;
import org.budgetledger.web.ApiProblem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A voucher file's header names fields of a transaction; what is wrong with it is said in full. */
class TransactionColumnsTest {

    private final TransactionColumns columns = new TransactionColumns(new ObjectMapper());

    @Test
    void a_header_is_checked_against_every_field_of_every_type_in_their_order() {
        ApiProblem refused = catchThrowableOfType(ApiProblem.class,
                () -> columns.check(List.of("id", "colour", "amount", "", "amount", "payee", "")));

        assertThat(refused.code()).isEqualTo(ProblemCode.VALIDATION_FAILED);
        assertThat(refused.getMessage()).isEqualTo("the header (row 1) must name fields of a transaction (id, type, unit, "
                + "year, date, memo, voucher, fund, subject, kind, project, economic, amount, line, from, to, reason, "
                + "payment, payee, method, category, counterparty, commitment, procurement.category, procurement.award, "
                + "activity.count, activity.persons, contract, schedule), id and type among them: colour: unknown column; "
                + "file: column 4 "
                + "has no name; amount: repeated column; type: column required");
        assertThat(refused.errors()).containsExactly(new FieldError("colour", "unknown column"),
                new FieldError("file", "column 4 has no name"), new FieldError("amount", "repeated column"),
                new FieldError("type", "column required"));
    }

    @Test
    void every_field_of_every_type_is_a_column() {
        List<String> all = List.of("id", "type", "unit", "year", "date", "memo", "voucher", "fund", "subject", "kind",
                "project", "economic", "amount", "line", "from", "to", "reason", "payment", "payee", "method", "category", "counterparty",
                "procurement.category", "procurement.award", "activity.count", "activity.persons");
        assertThat(columns.check(all)).isEqualTo(all);
    }

    @Test
    void the_columns_of_an_object_field_make_the_object_a_posted_payment_holds() {
        List<String> header = columns.check(List.of("id", "type", "unit", "year", "date", "line", "economic", "amount",
                "procurement.category", "procurement.award", "activity.count", "activity.persons"));

        ImportRow row = columns.row(new Sheet.Row(2, List.of("p1", "PAY", "U1", "2023", "2023-05-10", "a1", "30217",
                "3250.00", "SERVICES", "SMALL_MICRO", "2", "15")), header);

        TransactionRequests.Readable readable = (TransactionRequests.Readable) row.decoded();
        assertThat(readable.request()).isEqualTo(new PayRequest("p1", "U1", 2023, "2023-05-10", null, null, "a1", "30217",
                new AmountText("3250.00"), null, null, null, null, new ProcurementRequest("SERVICES", "SMALL_MICRO"),
                new ActivityRequest(2, 15)));
    }
}
