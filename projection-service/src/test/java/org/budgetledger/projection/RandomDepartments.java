package org.budgetledger.projection;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.contracts.events.BudgetAppropriated;
import org.budgetledger.contracts.events.EventEnvelope;
import org.budgetledger.contracts.events.IncomeReceived;
import org.budgetledger.contracts.events.LedgerEvent;
import org.budgetledger.contracts.events.PaymentMade;
import org.budgetledger.contracts.events.PaymentRefunded;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.projection.departments.DepartmentStructure;
import org.budgetledger.projection.readmodel.ReadModelWriter.Delivered;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * A random tree of units (depth ≤ 4), each with a random history ({@link RandomHistories}), and flows between
 * them as the ledger would record them (SPEC §13): a subsidy paid down (SUBSIDY_AFFILIATE ↔ SUPERIOR_SUBSIDY) or a
 * remittance paid up (REMIT_SUPERIOR ↔ AFFILIATE), some refunded in part, some received in full, some not (a
 * receipt of another amount, a missing one, a receipt of no payment); and flows with a unit outside the tree.
 * Every event that is one side of a flow between two units of the tree is recorded in {@link #sides}, so that a
 * test knows, without asking the production code, what a department leaves out.
 */
public final class RandomDepartments {

    /** A counterparty that is no unit of the tree: its flows are never left out. */
    static final String OUTSIDE = "OUTSIDE";

    /** The two flows, each with the payer's kind and the receiver's fund. */
    enum Direction {
        SUBSIDY(Kind.SUBSIDY_AFFILIATE, Fund.SUPERIOR_SUBSIDY), REMITTANCE(Kind.REMIT_SUPERIOR, Fund.AFFILIATE);

        final Kind paid;
        final Fund received;

        Direction(Kind paid, Fund received) {
            this.paid = paid;
            this.received = received;
        }
    }

    /**
     * One side of a flow between two units of the tree, as recorded by {@code unit} (the payer for a payment or
     * refund, the receiver for a receipt): {@code fen} is signed (a refund is negative).
     */
    record Side(long sequence, String unit, String payer, String receiver, Direction direction, boolean paid, long fen,
                LocalDate effectiveDate, Instant recordedAt) {
    }

    private final String root;
    private final Map<String, String> parents;
    private final List<Delivered> events;
    private final List<Side> sides;

    private RandomDepartments(String root, Map<String, String> parents, List<Delivered> events, List<Side> sides) {
        this.root = root;
        this.parents = parents;
        this.events = events;
        this.sides = sides;
    }

    public String root() {
        return root;
    }

    public Collection<String> units() {
        return parents.keySet();
    }

    /** The unit's parent in the tree, null for its root. */
    public String parentOf(String unit) {
        return parents.get(unit);
    }

    /** Every event of every unit, in order of sequence. */
    public List<Delivered> events() {
        return events;
    }

    public List<Side> sides() {
        return sides;
    }

    /** The tree as it is (it does not change here): a unit, then its descendants in order of code. */
    public DepartmentStructure structure() {
        return (unit, period) -> {
            List<String> department = new ArrayList<>(List.of(unit));
            TreeSet<String> descendants = new TreeSet<>();
            for (String other : parents.keySet()) {
                for (String above = parents.get(other); above != null; above = parents.get(above)) {
                    if (above.equals(unit)) {
                        descendants.add(other);
                    }
                }
            }
            department.addAll(descendants);
            return department;
        };
    }

    /**
     * @param matching whether every flow inside the tree is received in full on the day it was paid (so that at
     *                 the year's end, all known, every pair agrees); otherwise about half of them are not
     */
    public static RandomDepartments of(long seed, long firstSequence, int eventsPerUnit, boolean matching) {
        Random random = new Random(seed);
        String prefix = "T" + Long.toHexString(seed);
        Map<String, String> parents = new LinkedHashMap<>();
        Map<String, Integer> depths = new HashMap<>();
        String root = prefix + "u0";
        parents.put(root, null);
        depths.put(root, 1);
        int size = 3 + random.nextInt(5);
        for (int n = 1; n < size; n++) {
            List<String> open = parents.keySet().stream().filter(unit -> depths.get(unit) < 4).toList();
            String parent = open.get(random.nextInt(open.size()));
            String unit = prefix + "u" + n;
            parents.put(unit, parent);
            depths.put(unit, depths.get(parent) + 1);
        }
        Map<String, List<Delivered>> histories = new LinkedHashMap<>();
        for (String unit : parents.keySet()) {
            histories.put(unit, new ArrayList<>(RandomHistories.of(unit, random.nextLong(), 0, eventsPerUnit)));
        }
        List<Side> sides = new ArrayList<>();
        Flows flows = new Flows(random, histories, sides);
        List<String> units = new ArrayList<>(parents.keySet());
        for (String unit : units) {
            String parent = parents.get(unit);
            if (parent != null) {
                for (int flow = random.nextInt(4); flow > 0; flow--) {
                    Direction direction = random.nextBoolean() ? Direction.SUBSIDY : Direction.REMITTANCE;
                    String payer = direction == Direction.SUBSIDY ? parent : unit;
                    String receiver = direction == Direction.SUBSIDY ? unit : parent;
                    flows.between(payer, receiver, direction, matching || random.nextBoolean());
                }
            }
            if (random.nextBoolean()) {
                // across the tree: between any two of its units, not only a parent and its child
                String other = units.get(random.nextInt(units.size()));
                if (!other.equals(unit)) {
                    flows.between(unit, other, random.nextBoolean() ? Direction.SUBSIDY : Direction.REMITTANCE, true);
                }
            }
            flows.outside(unit);
        }
        return new RandomDepartments(root, parents, flows.sequenced(firstSequence), sides);
    }

    /** Puts the flows' events into the units' histories, then gives every event its place in one sequence. */
    private static final class Flows {
        private final Random random;
        private final Map<String, List<Delivered>> histories;
        private final List<Side> sides;
        /** Each side's event, until the sequence is known. */
        private final Map<Delivered, Side> pending = new HashMap<>();
        private int count;

        Flows(Random random, Map<String, List<Delivered>> histories, List<Side> sides) {
            this.random = random;
            this.histories = histories;
            this.sides = sides;
        }

        void between(String payer, String receiver, Direction direction, boolean receivedInFull) {
            String id = "f" + count++;
            LocalDate date = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(365));
            long fen = 1 + random.nextInt(5_000_000);
            String lineId = payer + "-" + id + "-line";
            String subject = RandomHistories.SUBJECTS[random.nextInt(RandomHistories.SUBJECTS.length)];
            int line = insert(payer, new BudgetAppropriated(lineId, payer, 2023, LocalDate.of(2023, 1, 1), "t", null, null, lineId,
                    Fund.BUSINESS, subject, direction.paid, null, null, Money.ofFen(fen * 2)), null, 0);
            int paid = insert(payer, new PaymentMade(payer + "-" + id, payer, 2023, date, "t", null, null, lineId, LineOrigin.APPROPRIATION,
                    Fund.BUSINESS, subject, direction.paid, null, "30399", Money.ofFen(fen), null, null, receiver),
                    new Side(0, payer, payer, receiver, direction, true, fen, date, null), line + 1);
            long refunded = random.nextInt(3) == 0 ? 1 + random.nextInt((int) Math.min(fen, Integer.MAX_VALUE)) : 0;
            if (refunded > 0) {
                LocalDate refundedOn = date.plusDays(random.nextInt((int) (LocalDate.of(2023, 12, 31).toEpochDay() - date.toEpochDay()) + 1));
                insert(payer, new PaymentRefunded(payer + "-" + id + "-r", payer, 2023, refundedOn, "t", null, null,
                        payer + "-" + id, lineId, LineOrigin.APPROPRIATION, Fund.BUSINESS, subject, direction.paid, null,
                        "30399", Money.ofFen(refunded), receiver), new Side(0, payer, payer, receiver, direction, true, -refunded,
                        refundedOn, null), paid + 1);
            }
            long received = receivedInFull ? fen - refunded : switch (random.nextInt(3)) {
                case 0 -> 0; // never received
                case 1 -> fen - refunded + 1 + random.nextInt(1000);
                default -> fen;
            };
            LocalDate receivedOn = receivedInFull ? date : LocalDate.of(2023, 1, 1).plusDays(random.nextInt(365));
            if (received > 0) {
                insert(receiver, new IncomeReceived(receiver + "-" + id, receiver, 2023, receivedOn, "t", null, null,
                        direction.received, subject, Money.ofFen(received), payer),
                        new Side(0, receiver, payer, receiver, direction, false, received, receivedOn, null), 0);
            }
            if (!receivedInFull && random.nextInt(4) == 0) {
                // a receipt the payer never paid
                long unpaid = 1 + random.nextInt(100_000);
                insert(receiver, new IncomeReceived(receiver + "-" + id + "-x", receiver, 2023, receivedOn, "t", null, null,
                        direction.received, subject, Money.ofFen(unpaid), payer),
                        new Side(0, receiver, payer, receiver, direction, false, unpaid, receivedOn, null), 0);
            }
        }

        /** Flows with a unit outside the tree: they stay in every report. */
        void outside(String unit) {
            String id = "o" + count++;
            LocalDate date = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(365));
            long fen = 1 + random.nextInt(1_000_000);
            Direction direction = random.nextBoolean() ? Direction.SUBSIDY : Direction.REMITTANCE;
            String lineId = unit + "-" + id + "-line";
            int line = insert(unit, new BudgetAppropriated(lineId, unit, 2023, LocalDate.of(2023, 1, 1), "t", null, null, lineId,
                    Fund.OTHER, "2140199", direction.paid, null, null, Money.ofFen(fen)), null, 0);
            insert(unit, new PaymentMade(unit + "-" + id, unit, 2023, date, "t", null, null, lineId, LineOrigin.APPROPRIATION,
                    Fund.OTHER, "2140199", direction.paid, null, "30399", Money.ofFen(fen), null, null, OUTSIDE), null, line + 1);
            insert(unit, new IncomeReceived(unit + "-" + id + "-in", unit, 2023, date, "t", null, null, direction.received,
                    "2140199", Money.ofFen(fen), OUTSIDE), null, 0);
        }

        /**
         * At a random place of the unit's history from {@code first} on (so that a payment follows its line and a
         * refund its payment), recorded at the instant of the event before it.
         *
         * @return its place
         */
        private int insert(String unit, LedgerEvent event, Side side, int first) {
            List<Delivered> history = histories.get(unit);
            int at = first + random.nextInt(history.size() + 1 - first);
            Instant recordedAt = at == 0 ? RandomHistories.YEAR_START : history.get(at - 1).envelope().recordedAt();
            Delivered delivered = new Delivered(new EventEnvelope(unit + "-" + event.eventName() + "-" + count + "-" + at, 0,
                    event.eventName(), recordedAt), event);
            history.add(at, delivered);
            if (side != null) {
                pending.put(delivered, side);
            }
            return at;
        }

        /** Every unit's history in its order, the units one after the other; the sides with their sequences. */
        List<Delivered> sequenced(long firstSequence) {
            List<Delivered> all = new ArrayList<>();
            long sequence = firstSequence;
            for (List<Delivered> history : histories.values()) {
                for (Delivered delivered : history) {
                    sequence++;
                    EventEnvelope envelope = delivered.envelope();
                    Delivered resequenced = new Delivered(new EventEnvelope(envelope.eventId() + "#" + sequence, sequence,
                            envelope.type(), envelope.recordedAt()), delivered.event());
                    all.add(resequenced);
                    Side side = pending.get(delivered);
                    if (side != null) {
                        sides.add(new Side(sequence, side.unit(), side.payer(), side.receiver(), side.direction(), side.paid(),
                                side.fen(), side.effectiveDate(), envelope.recordedAt()));
                    }
                }
            }
            all.sort(Comparator.comparingLong(delivered -> delivered.envelope().sequence()));
            return all;
        }
    }
}
