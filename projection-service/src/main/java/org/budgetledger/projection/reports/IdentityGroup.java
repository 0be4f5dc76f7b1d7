package org.budgetledger.projection.reports;

import java.util.function.Consumer;

/**
 * Some consistency identities a table answers for. {@code order} is the group's place among all tables'
 * groups in the answer of {@code /checks} (the order it has always had: DOMAIN.md §3 grouped by form).
 */
public record IdentityGroup(int order, Consumer<Identities> evaluate) {
}
