package org.budgetledger.ledger.posting;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The answer to an accepted transaction, the same whether it was stored now (201) or before (200).
 *
 * @param sequence the global sequence numbers of the events the transaction stored
 * @param lineId   the budget line the transaction created, if it created one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PostingResult(String id, String type, String status, List<Long> sequence, String lineId) {

    static PostingResult accepted(String id, String type, List<Long> sequence, String lineId) {
        return new PostingResult(id, type, "ACCEPTED", sequence, lineId);
    }
}
