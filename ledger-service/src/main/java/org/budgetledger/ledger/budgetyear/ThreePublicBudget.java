package org.budgetledger.ledger.budgetyear;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.codes.ThreePublicCategory;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.contracts.api.Rejection;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * 三公经费 of a unit-year: each category's limit (latest effective date wins; never set means 0) and its
 * fiscal spending (payments minus refunds), which may never exceed the limit.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
final class ThreePublicBudget {

    private record Limit(LocalDate effectiveFrom, Money amount) {
    }

    private final Map<ThreePublicCategory, Limit> limits = new EnumMap<>(ThreePublicCategory.class);
    private final Map<ThreePublicCategory, Money> spent = new EnumMap<>(ThreePublicCategory.class);

    /** The rejection of spending beyond the category's limit; empty when it fits. */
    Optional<Rejection> checkSpending(ThreePublicCategory category, Money amount) {
        Money after = spent(category).plus(amount);
        if (limit(category).isLessThan(after)) {
            return Optional.of(Rejection.of(ProblemCode.THREE_PUBLIC_LIMIT_EXCEEDED,
                    category.label() + " (" + category + ") has a limit of " + limit(category) + " 元 and "
                            + spent(category) + " 元 spent; this payment of " + amount + " 元 would exceed it"));
        }
        return Optional.empty();
    }

    /** The rejection of a limit below what the category spent already; empty when it is not. */
    Optional<Rejection> checkLimit(ThreePublicCategory category, Money amount) {
        if (amount.isLessThan(spent(category))) {
            return Optional.of(Rejection.of(ProblemCode.LIMIT_BELOW_SPENDING,
                    category.label() + " (" + category + ") has " + spent(category) + " 元 spent; the limit cannot be "
                            + amount + " 元"));
        }
        return Optional.empty();
    }

    void spend(ThreePublicCategory category, Money delta) {
        spent.merge(category, delta, Money::plus);
    }

    void setLimit(ThreePublicCategory category, LocalDate effectiveFrom, Money amount) {
        Limit current = limits.get(category);
        if (current == null || !effectiveFrom.isBefore(current.effectiveFrom())) {
            limits.put(category, new Limit(effectiveFrom, amount));
        }
    }

    private Money limit(ThreePublicCategory category) {
        Limit limit = limits.get(category);
        return limit == null ? Money.ZERO : limit.amount();
    }

    private Money spent(ThreePublicCategory category) {
        return spent.getOrDefault(category, Money.ZERO);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ThreePublicBudget that && limits.equals(that.limits) && spent.equals(that.spent);
    }

    @Override
    public int hashCode() {
        return Objects.hash(limits, spent);
    }
}
