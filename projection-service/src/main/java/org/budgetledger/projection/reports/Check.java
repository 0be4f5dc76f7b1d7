package org.budgetledger.projection.reports;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One 勾稽关系 evaluated: both sides in 元 and whether they agree. {@code payer} and {@code receiver} are the two
 * units of a 内部往来核对 (SPEC §13), and absent from every other check.
 */
public record Check(String name, String description, String left, String right, boolean ok,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String payer,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String receiver) {

    public Check(String name, String description, String left, String right, boolean ok) {
        this(name, description, left, right, ok, null, null);
    }
}
