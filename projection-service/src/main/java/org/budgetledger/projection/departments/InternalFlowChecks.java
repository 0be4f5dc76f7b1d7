package org.budgetledger.projection.departments;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.projection.readmodel.InternalFlow;
import org.budgetledger.projection.readmodel.Measure;
import org.budgetledger.projection.reports.Check;
import org.budgetledger.projection.reports.Identities;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * 内部往来核对 (SPEC §13): for every pair of units of a department with a flow between them, and each direction,
 * the payer's internal payments to the receiver = the receiver's internal receipts from the payer, exactly in 分.
 * Every other identity holds on the consolidated tables when all of these do.
 */
public final class InternalFlowChecks {

    public static final String NAME = "内部往来核对";

    /** The two directions a flow inside a department takes, each with the payer's kind and the receiver's fund. */
    private enum Direction {
        SUBSIDY(Kind.SUBSIDY_AFFILIATE, Fund.SUPERIOR_SUBSIDY),
        REMITTANCE(Kind.REMIT_SUPERIOR, Fund.AFFILIATE);

        final Kind paid;
        final Fund received;

        Direction(Kind paid, Fund received) {
            this.paid = paid;
            this.received = received;
        }
    }

    private record Pair(String payer, String receiver, Direction direction) implements Comparable<Pair> {
        @Override
        public int compareTo(Pair other) {
            int byPayer = payer.compareTo(other.payer);
            int byReceiver = byPayer != 0 ? byPayer : receiver.compareTo(other.receiver);
            return byReceiver != 0 ? byReceiver : direction.compareTo(other.direction);
        }
    }

    private InternalFlowChecks() {
    }

    /**
     * One check per (payer, receiver, direction) with any flow, in order of payer, receiver, direction.
     *
     * @param names a unit's name as the report's point knows it, or null when it knows none (the code stands alone)
     */
    public static List<Check> of(List<InternalFlow> flows, Function<String, String> names) {
        Map<Pair, long[]> sides = new TreeMap<>();
        for (InternalFlow flow : flows) {
            for (Direction direction : Direction.values()) {
                if (flow.measure() == Measure.EXPENDITURE && flow.kind() == direction.paid) {
                    sides.computeIfAbsent(new Pair(flow.unit(), flow.counterparty(), direction), pair -> new long[2])[0] += flow.fen();
                } else if (flow.measure() == Measure.INCOME && flow.fund() == direction.received) {
                    sides.computeIfAbsent(new Pair(flow.counterparty(), flow.unit(), direction), pair -> new long[2])[1] += flow.fen();
                }
            }
        }
        List<Check> checks = new ArrayList<>();
        sides.forEach((pair, fen) -> {
            Check check = Identities.check(NAME, description(pair, names), fen[0], fen[1], fen[0] == fen[1]);
            checks.add(new Check(check.name(), check.description(), check.left(), check.right(), check.ok(),
                    pair.payer(), pair.receiver()));
        });
        return checks;
    }

    private static String description(Pair pair, Function<String, String> names) {
        String payer = named(pair.payer(), names);
        String receiver = named(pair.receiver(), names);
        return payer + " 对 " + receiver + " 的" + pair.direction().paid.label() + " = " + receiver
                + " 来自 " + payer + " 的" + pair.direction().received.label() + "（"
                + pair.direction().paid.label() + " ↔ " + pair.direction().received.label() + "）";
    }

    /** 湖南省交通运输厅（430000）: the name a reader knows the unit by, with the code that tells two alike apart. */
    private static String named(String unit, Function<String, String> names) {
        String name = names.apply(unit);
        return name == null ? unit : name + "（" + unit + "）";
    }
}
