package org.budgetledger.projection.readmodel;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Facts chosen by their dimensions, what the cells of the tables are made of (SPEC §6, cell definitions): each
 * dimension is free (null) or limited to a set of values; subject and economic code to a set of prefixes (a 类
 * holds its 款 and 项, an economic group its codes). A fact without a value in a limited dimension (a receipt's
 * kind) is not chosen.
 *
 * <p>It is written as data, not as code, so that the same selection answers both questions: a predicate over the
 * summed facts the tables compute from ({@link #test}), and a condition the database asks of single facts when
 * it lists the transactions behind a cell ({@code CellFacts}). An empty set chooses nothing.
 *
 * @param project one project, or null for any; in a department's consolidated sums {@code {unit}/{project}}
 */
public record FactSelection(Set<Measure> measures, Set<Fund> funds, Set<Kind> kinds, Set<LineOrigin> origins,
                            Set<String> subjectPrefixes, Set<String> economicPrefixes, String project)
        implements Predicate<FactSum> {

    private static final FactSelection ALL = new FactSelection(null, null, null, null, null, null, null);

    public FactSelection {
        measures = measures == null ? null : Set.copyOf(measures);
        funds = funds == null ? null : Set.copyOf(funds);
        kinds = kinds == null ? null : Set.copyOf(kinds);
        origins = origins == null ? null : Set.copyOf(origins);
        subjectPrefixes = subjectPrefixes == null ? null : Set.copyOf(subjectPrefixes);
        economicPrefixes = economicPrefixes == null ? null : Set.copyOf(economicPrefixes);
    }

    /** Every fact. */
    public static FactSelection all() {
        return ALL;
    }

    public static FactSelection measures(Measure... measures) {
        return new FactSelection(Set.of(measures), null, null, null, null, null, null);
    }

    public static FactSelection funds(Fund... funds) {
        return new FactSelection(null, Set.of(funds), null, null, null, null, null);
    }

    /** 财政拨款 or not: the three appropriation funds, or the unit's own. */
    public static FactSelection fiscal(boolean fiscal) {
        Set<Fund> funds = EnumSet.noneOf(Fund.class);
        Arrays.stream(Fund.values()).filter(fund -> fund.isFiscal() == fiscal).forEach(funds::add);
        return new FactSelection(null, funds, null, null, null, null, null);
    }

    public static FactSelection kinds(Kind... kinds) {
        return new FactSelection(null, null, Set.of(kinds), null, null, null, null);
    }

    public static FactSelection origins(LineOrigin... origins) {
        return new FactSelection(null, null, null, Set.of(origins), null, null, null);
    }

    /** Facts whose subject is, or falls under, one of the codes (a 类, 款 or 项). */
    public static FactSelection subjects(String... prefixes) {
        return new FactSelection(null, null, null, null, Set.of(prefixes), null, null);
    }

    /** Facts whose economic code is, or falls in the group of, one of the codes. */
    public static FactSelection economic(String... prefixes) {
        return new FactSelection(null, null, null, null, null, Set.of(prefixes), null);
    }

    public static FactSelection project(String project) {
        return new FactSelection(null, null, null, null, null, null, project);
    }

    /** The facts both choose. */
    public FactSelection and(FactSelection other) {
        boolean otherProject = project != null && other.project != null && !project.equals(other.project);
        return new FactSelection(otherProject ? Set.of() : both(measures, other.measures), both(funds, other.funds),
                both(kinds, other.kinds), both(origins, other.origins), prefixes(subjectPrefixes, other.subjectPrefixes),
                prefixes(economicPrefixes, other.economicPrefixes), project == null ? other.project : project);
    }

    @Override
    public boolean test(FactSum sum) {
        return chooses(sum.measure(), sum.fund(), sum.subject(), sum.kind(), sum.economic(), sum.project(), sum.origin());
    }

    /** Whether a fact of these dimensions is chosen ({@code project} as the sums name it). */
    public boolean chooses(Measure measure, Fund fund, String subject, Kind kind, String economic, String project,
                           LineOrigin origin) {
        return (measures == null || measures.contains(measure))
                && (funds == null || funds.contains(fund))
                && (kinds == null || kind != null && kinds.contains(kind))
                && (origins == null || origin != null && origins.contains(origin))
                && (subjectPrefixes == null || startsWithAny(subject, subjectPrefixes))
                && (economicPrefixes == null || startsWithAny(economic, economicPrefixes))
                && (this.project == null || this.project.equals(project));
    }

    private static boolean startsWithAny(String code, Set<String> prefixes) {
        if (code == null) {
            return false;
        }
        for (String prefix : prefixes) {
            if (code.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static <T> Set<T> both(Set<T> one, Set<T> other) {
        if (one == null || other == null) {
            return one == null ? other : one;
        }
        Set<T> common = new HashSet<>(one);
        common.retainAll(other);
        return common;
    }

    /** The codes under a prefix of each set: the longer of two prefixes where one holds the other. */
    private static Set<String> prefixes(Set<String> one, Set<String> other) {
        if (one == null || other == null) {
            return one == null ? other : one;
        }
        Set<String> common = new HashSet<>();
        for (String first : one) {
            for (String second : other) {
                if (first.startsWith(second)) {
                    common.add(first);
                } else if (second.startsWith(first)) {
                    common.add(second);
                }
            }
        }
        return common;
    }
}
