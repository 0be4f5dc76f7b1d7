package org.budgetledger.ledger.importing;

import org.budgetledger.ledger.posting.TransactionRequests;

/**
 * One data row of a voucher file, ready to be decided.
 *
 * @param number the row's number as a spreadsheet shows it (the header is row 1)
 * @param id     the row's {@code id} cell, its idempotency key; null when the cell is empty
 * @param decoded the transaction the row holds, or why it holds none
 */
record ImportRow(int number, String id, TransactionRequests.Decoded decoded) {
}
