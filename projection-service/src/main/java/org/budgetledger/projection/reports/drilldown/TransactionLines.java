package org.budgetledger.projection.reports.drilldown;

import org.budgetledger.contracts.money.Money;
import org.budgetledger.projection.readmodel.CellFacts;
import org.budgetledger.projection.readmodel.CodeNames;

import java.util.function.UnaryOperator;

/** A fact behind a cell as the drill-down shows it: the catalog's names beside the codes, amounts in 元. */
final class TransactionLines {

    private TransactionLines() {
    }

    /**
     * @param unitNames the name of each unit (department scope), or null at unit scope, where the unit is the report's
     */
    static TransactionLine of(CellFacts.Line line, CodeNames names, UnaryOperator<String> unitNames) {
        String unitName = unitNames == null ? null : unitNames.apply(line.unit());
        return new TransactionLine(line.sequence(), line.part(), line.transactionId(), line.type(), line.effectiveDate(),
                line.recordedAt(), unitNames == null ? null : line.unit(), unitName,
                line.subject() == null ? null : new TransactionLine.Code(line.subject(), names.subject(line.subject())),
                line.economic() == null ? null : new TransactionLine.Code(line.economic(), names.economic(line.economic())),
                line.fund() == null ? null : line.fund().name(), line.kind() == null ? null : line.kind().name(),
                line.project(), line.lineId(), line.measure() == null ? null : line.measure().name(),
                line.category() == null ? null : line.category().name(), Money.ofFen(line.amountFen()).toYuanString(),
                line.memo(), line.voucher(), line.principal());
    }
}
