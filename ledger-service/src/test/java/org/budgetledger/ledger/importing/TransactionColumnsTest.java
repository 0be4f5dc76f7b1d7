package org.budgetledger.ledger.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
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
                + "payment, payee, method, category, counterparty, commitment, contract, schedule), id and type among them: colour: "
                + "unknown column; file: column 4 "
                + "has no name; amount: repeated column; type: column required");
        assertThat(refused.errors()).containsExactly(new FieldError("colour", "unknown column"),
                new FieldError("file", "column 4 has no name"), new FieldError("amount", "repeated column"),
                new FieldError("type", "column required"));
    }

    @Test
    void every_field_of_every_type_is_a_column() {
        List<String> all = List.of("id", "type", "unit", "year", "date", "memo", "voucher", "fund", "subject", "kind",
                "project", "economic", "amount", "line", "from", "to", "reason", "payment", "payee", "method", "category", "counterparty");
        assertThat(columns.check(all)).isEqualTo(all);
    }
}
