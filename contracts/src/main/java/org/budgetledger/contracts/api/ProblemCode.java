package org.budgetledger.contracts.api;

/**
 * The machine {@code code} of every problem+json answer, with its HTTP status. 400 for malformed input,
 * 404 for what does not exist (or is not the caller's to see), 409 for a conflict with the ledger's
 * state, 422 for a well-formed request the rules do not allow; 5xx only for what is wrong on the ledger's side.
 */
public enum ProblemCode {
    VALIDATION_FAILED(400, "The request is not valid"),
    INVALID_AMOUNT(400, "Invalid amount"),
    DATE_OUTSIDE_YEAR(400, "Date outside the budget year"),
    UNKNOWN_UNIT(400, "Unknown budget unit"),
    UNKNOWN_SUBJECT(400, "Unknown subject"),
    UNKNOWN_ECONOMIC(400, "Unknown economic classification code"),
    MALFORMED_REQUEST(400, "The request body is not readable JSON"),
    /** A drill-down into a row or column the table does not have, or into a cell that is no sum of transactions. */
    UNKNOWN_CELL(400, "No such cell in the table"),
    PAYLOAD_TOO_LARGE(413, "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    UNAUTHORIZED(401, "Authentication required"),
    FORBIDDEN(403, "Forbidden"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    IDEMPOTENCY_CONFLICT(409, "Transaction id already used with a different body"),
    DUPLICATE_CODE(409, "Code already exists"),
    INSUFFICIENT_BALANCE(409, "Insufficient balance"),
    THREE_PUBLIC_LIMIT_EXCEEDED(409, "三公 limit exceeded"),
    LIMIT_BELOW_SPENDING(409, "Limit below spending"),
    YEAR_CLOSED(409, "Budget year closed"),
    OPENING_CONFLICT(409, "Opening balance conflicts with a carry-over"),
    REFUND_EXCEEDS_PAYMENT(409, "Refund exceeds payment"),
    /** SPEC §14: a payment or release beyond what is still open of a commitment. */
    COMMITMENT_EXCEEDED(409, "Commitment exceeded"),
    NOT_YET_APPLIED(409, "Not yet applied"),
    REPLAY_RUNNING(409, "A replay is running"),
    UNKNOWN_LINE(422, "Unknown budget line"),
    UNKNOWN_PAYMENT(422, "Unknown payment"),
    LINE_NOT_ADJUSTABLE(422, "Budget line not adjustable"),
    INVALID_FUND(422, "Fund not allowed for this transaction type"),
    ECONOMIC_MISMATCH(422, "Economic code does not match the budget line"),
    DATE_BEFORE_LINE(422, "Payment dated before its budget line"),
    DATE_BEFORE_PAYMENT(422, "Refund dated before its payment"),
    /** SPEC §14: no commitment of that id in the unit-year of the payment or release. */
    UNKNOWN_COMMITMENT(422, "Unknown commitment"),
    /** SPEC §14: a payment naming a commitment of another budget line. */
    COMMITMENT_MISMATCH(422, "Commitment of another budget line"),
    /** A payment or release under a commitment dated before the commitment (SPEC §14 does not say; see the README). */
    DATE_BEFORE_COMMITMENT(422, "Dated before its commitment"),
    AMOUNT_LIMIT_EXCEEDED(422, "Amounts beyond the limit of a budget year"),
    /** SPEC §12: a parent chain that would come back to the unit. */
    UNIT_CYCLE(422, "The unit would be its own ancestor"),
    /** SPEC §12: a chain of more than 8 units (the unit and its ancestors). */
    UNIT_TOO_DEEP(422, "Unit hierarchy too deep"),
    LOGIN_LOCKED(429, "Too many failed logins"),
    SERVICE_UNAVAILABLE(503, "Service temporarily unavailable"),
    /** A stored event cannot be read (damaged in the database): its budget year takes no transaction until it is restored. */
    EVENT_DAMAGED(500, "A stored event is damaged"),
    INTERNAL_ERROR(500, "Internal error");

    private final int httpStatus;
    private final String title;

    ProblemCode(int httpStatus, String title) {
        this.httpStatus = httpStatus;
        this.title = title;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String title() {
        return title;
    }
}
