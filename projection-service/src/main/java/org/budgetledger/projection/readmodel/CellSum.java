package org.budgetledger.projection.readmodel;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.contracts.codes.ThreePublicCategory;

import java.util.ArrayList;
import java.util.List;

/**
 * What one cell of a table adds up (SPEC §6): selections of facts, each counted with its sign (年末结转和结余 =
 * 年初 + 收入 + 使用结余 − 支出 − 结余分配), and, in 公开09表's 预算数, the 三公 limits in force. The tables compute
 * their cells with it ({@link #fen}); the drill-down lists the facts behind a cell with it, each fact's amount in the
 * cell being its amount times its {@link #weight} (a fact two terms choose with opposite signs is in the cell with
 * weight 0, as an expenditure is in 公开01表 row 62 = 58 + 59 + 60: once in 58, once taken away in 60).
 */
public record CellSum(List<Term> terms, List<LimitTerm> limits) {

    /** The facts a selection chooses, counted with a sign (+1 or −1). */
    public record Term(int sign, FactSelection selection) {
        public Term {
            if (sign != 1 && sign != -1) {
                throw new IllegalArgumentException("a term counts its facts with +1 or -1, not " + sign);
            }
        }
    }

    /** The 三公 limit in force of a category (the latest set effective by asOf, as known at knownAt), with a sign. */
    public record LimitTerm(int sign, ThreePublicCategory category) {
    }

    public CellSum {
        terms = List.copyOf(terms);
        limits = List.copyOf(limits);
    }

    /** The facts the selection chooses. */
    public static CellSum of(FactSelection selection) {
        return new CellSum(List.of(new Term(1, selection)), List.of());
    }

    /** The limit in force of the category. */
    public static CellSum limit(ThreePublicCategory category) {
        return new CellSum(List.of(), List.of(new LimitTerm(1, category)));
    }

    public CellSum plus(CellSum other) {
        List<Term> allTerms = new ArrayList<>(terms);
        allTerms.addAll(other.terms);
        List<LimitTerm> allLimits = new ArrayList<>(limits);
        allLimits.addAll(other.limits);
        return new CellSum(allTerms, allLimits);
    }

    public CellSum negated() {
        return new CellSum(terms.stream().map(term -> new Term(-term.sign(), term.selection())).toList(),
                limits.stream().map(limit -> new LimitTerm(-limit.sign(), limit.category())).toList());
    }

    public CellSum minus(CellSum other) {
        return plus(other.negated());
    }

    /** The same sum over the facts {@code also} chooses too (the cell of one subject row in a column). */
    public CellSum and(FactSelection also) {
        return new CellSum(terms.stream().map(term -> new Term(term.sign(), term.selection().and(also))).toList(), limits);
    }

    /** The cell's amount in 分 over the summed facts and limits of a report. */
    public long fen(ReportInputs inputs) {
        long fen = 0;
        for (Term term : terms) {
            long sum = inputs.sum(term.selection());
            fen = Math.addExact(fen, term.sign() > 0 ? sum : Math.negateExact(sum));
        }
        for (LimitTerm limit : limits) {
            long limitFen = inputs.limitFen(limit.category());
            fen = Math.addExact(fen, limit.sign() > 0 ? limitFen : Math.negateExact(limitFen));
        }
        return fen;
    }

    /** How many times a fact of these dimensions counts in the cell: the signs of the terms that choose it, added. */
    public int weight(Measure measure, Fund fund, String subject, Kind kind, String economic, String project, LineOrigin origin) {
        int weight = 0;
        for (Term term : terms) {
            if (term.selection().chooses(measure, fund, subject, kind, economic, project, origin)) {
                weight += term.sign();
            }
        }
        return weight;
    }
}
