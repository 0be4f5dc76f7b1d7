package org.budgetledger.ledger.budgetyear;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.events.CarriedBalance;
import org.budgetledger.contracts.money.Money;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * 结转和结余 per (fund, subject) as the year stands: opening + income + reserve − expenditure − distributed.
 * In a snapshot: the list of every balance, in order.
 */
final class FundBalances {

    private record Bucket(Fund fund, String subject) implements Comparable<Bucket> {
        @Override
        public int compareTo(Bucket other) {
            int byFund = fund.compareTo(other.fund);
            return byFund != 0 ? byFund : subject.compareTo(other.subject);
        }
    }

    private final Map<Bucket, Money> balances = new TreeMap<>();

    /** One balance as a snapshot holds it. */
    private record Balance(Fund fund, String subject, Money amount) {
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    private static FundBalances of(List<Balance> all) {
        FundBalances balances = new FundBalances();
        all.forEach(balance -> balances.balances.put(new Bucket(balance.fund(), balance.subject()), balance.amount()));
        return balances;
    }

    @JsonValue
    private List<Balance> all() {
        return balances.entrySet().stream()
                .map(entry -> new Balance(entry.getKey().fund(), entry.getKey().subject(), entry.getValue()))
                .toList();
    }

    void add(Fund fund, String subject, Money delta) {
        balances.merge(new Bucket(fund, subject), delta, Money::plus);
    }

    Money balance(Fund fund, String subject) {
        return balances.getOrDefault(new Bucket(fund, subject), Money.ZERO);
    }

    /** The non-zero balances of non-fiscal funds (fiscal ones are carried as budget lines). */
    List<CarriedBalance> nonFiscalBalances() {
        return balances.entrySet().stream()
                .filter(entry -> !entry.getKey().fund().isFiscal() && !entry.getValue().isZero())
                .map(entry -> new CarriedBalance(entry.getKey().fund(), entry.getKey().subject(), entry.getValue()))
                .toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FundBalances that && balances.equals(that.balances);
    }

    @Override
    public int hashCode() {
        return Objects.hash(balances);
    }
}
