package org.budgetledger.projection.reports;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One 勾稽关系 evaluated: both sides in 元 and whether they agree. {@code payer} and {@code receiver} are the two
 * units of a 内部往来核对 (SPEC §13), and absent from every other check. {@code formula} is the identity as the
 * 审核公式 read it ("表1第27行 = 第1至8行之和"), {@code table} the table whose identities it is (T01 … T09), by
 * which a reader groups them; both absent from a 内部往来核对, whose description is already in Chinese.
 */
public record Check(String name, String description, String left, String right, boolean ok,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String payer,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String receiver,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String formula,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String table) {

    public Check(String name, String description, String left, String right, boolean ok) {
        this(name, description, left, right, ok, null, null, null, null);
    }

    public Check(String name, String description, String left, String right, boolean ok, String payer, String receiver) {
        this(name, description, left, right, ok, payer, receiver, null, null);
    }
}
