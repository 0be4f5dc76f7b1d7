package org.budgetledger.ledger.posting;

import org.budgetledger.ledger.budgetyear.BudgetYear;
import org.budgetledger.ledger.budgetyear.Posting;
import org.budgetledger.ledger.budgetyear.PostingCommand;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The checks every request takes before its budget year decides it: the common fields, then the fields of other
 * types it holds, then its type's own fields. Only what needs no ledger state is checked here (formats, ranges,
 * which fields a type takes); the rules that need state belong to the {@link BudgetYear}.
 */
final class RequestChecks {

    private RequestChecks() {
    }

    /** The command of a typed request, or the rejection naming every field that is wrong, in the order checked. */
    static RequestCheck check(TypedRequest request, String principal, List<String> foreign) {
        FieldChecks fields = new FieldChecks();
        Posting posting = posting(request, request.datedByLedger(), principal, fields);
        foreign.forEach(name -> fields.error(name, "not a field of " + request.type()));
        PostingCommand command = request.toCommand(posting, fields);
        Optional<RequestCheck> failed = fields.rejection().map(RequestCheck.Failed::new);
        return failed.orElseGet(() -> new RequestCheck.Passed(command, request));
    }

    /** The rejection of a request with no known type: the type's fault first, then the common fields'. */
    static RequestCheck untyped(UntypedRequest request) {
        FieldChecks fields = new FieldChecks();
        List<String> types = TransactionRequests.typeNames();
        fields.require("type", request.type(), type -> {
            if (!types.contains(type)) {
                throw new IllegalArgumentException("no transaction type " + type);
            }
            return type;
        }, "one of " + types);
        posting(request, false, null, fields);
        return new RequestCheck.Failed(fields.rejection().orElseThrow());
    }

    /** The common fields as the posting every command carries; their faults go to {@code fields}. */
    private static Posting posting(TransactionRequest request, boolean datedByLedger, String principal,
                                   FieldChecks fields) {
        String id = fields.identifier("id", request.id(), FieldChecks.ID_LENGTH_MAX, true);
        if (id != null && id.indexOf(BudgetYear.CARRIED_LINE_MARK) >= 0) {
            // a carry-over names the line it brings into the next year "line>year": no transaction may take that name
            fields.error("id", "may not contain '" + BudgetYear.CARRIED_LINE_MARK
                    + "': it marks the lines a carry-over brings into the next year (line>year)");
        }
        String unit = fields.matching("unit", request.unit(), FieldChecks.UNIT, FieldChecks.UNIT_EXPECTED, true);
        Integer year = request.year();
        if (year == null || year < FieldChecks.YEAR_MIN || year > FieldChecks.YEAR_MAX) {
            fields.error("year", "a year from " + FieldChecks.YEAR_MIN + " to " + FieldChecks.YEAR_MAX);
            year = null;
        }
        // a type the ledger dates itself (CARRY_OVER: 31 Dec / 1 Jan) ignores a date sent with it
        LocalDate date = datedByLedger ? null : fields.date(request.date(), year);
        String memo = fields.text("memo", request.memo(), FieldChecks.MEMO_LENGTH_MAX, false);
        String voucher = fields.identifier("voucher", request.voucher(), FieldChecks.VOUCHER_LENGTH_MAX, false);
        return new Posting(id, unit, year == null ? 0 : year, date, principal, memo, voucher);
    }
}
