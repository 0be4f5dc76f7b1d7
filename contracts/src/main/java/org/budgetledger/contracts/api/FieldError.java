package org.budgetledger.contracts.api;

/** One entry of a problem's {@code errors[]}: which field is wrong and why. */
public record FieldError(String field, String message) {
}
