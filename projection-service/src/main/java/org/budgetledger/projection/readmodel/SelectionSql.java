package org.budgetledger.projection.readmodel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A cell's definition ({@link CellSum}) as conditions of SQL over a row {@code f} of the table {@code fact}: what
 * {@link FactSelection#chooses} asks of a fact in Java, asked by the database. The codes of the enums and the catalog's
 * codes (digits) are written out, so that the planner sees them (the share of a unit-year's facts a subject holds
 * decides whether it reads the facts in order or by subject, and a prefix written out is what the index by subject can
 * be read with); every other value is a named parameter, gathered in {@link #parameters}.
 */
final class SelectionSql {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,16}");

    private final Map<String, Object> parameters = new LinkedHashMap<>();
    /** Whether projects are named {@code {unit}/{project}} (a department's consolidated sums of more than one unit). */
    private final boolean projectsNamedByUnit;

    SelectionSql(boolean projectsNamedByUnit) {
        this.projectsNamedByUnit = projectsNamedByUnit;
    }

    Map<String, Object> parameters() {
        return parameters;
    }

    /** A named parameter holding the value, for the statement being written. */
    String parameter(Object value) {
        String name = "p" + parameters.size();
        parameters.put(name, value);
        return ":" + name;
    }

    /**
     * Whether the cell counts the fact: one of its terms chooses it and, when terms of both signs could cancel out (an
     * expenditure in 公开01表 row 62), its weight is not 0. A condition that is null (a fact without a kind) is false.
     */
    String counts(CellSum cell) {
        List<String> terms = new ArrayList<>();
        for (CellSum.Term term : cell.terms()) {
            terms.add("(" + chooses(term.selection()) + ")");
        }
        if (terms.isEmpty()) {
            return "FALSE";
        }
        String any = "(" + String.join(" OR ", terms) + ")";
        boolean bothSigns = cell.terms().stream().map(CellSum.Term::sign).distinct().count() > 1;
        return bothSigns ? any + " AND " + weight(cell) + " <> 0" : any;
    }

    /** How many times the cell counts the fact ({@link CellSum#weight}): the signs of the terms that choose it, added. */
    String weight(CellSum cell) {
        List<String> terms = new ArrayList<>();
        for (CellSum.Term term : cell.terms()) {
            terms.add("CASE WHEN " + chooses(term.selection()) + " THEN " + term.sign() + " ELSE 0 END");
        }
        return terms.isEmpty() ? "0" : "(" + String.join(" + ", terms) + ")";
    }

    /** {@link FactSelection#chooses}: a dimension limited to no value chooses nothing. */
    String chooses(FactSelection selection) {
        List<String> conditions = new ArrayList<>();
        anyOf(conditions, "f.measure", selection.measures());
        anyOf(conditions, "f.fund", selection.funds());
        anyOf(conditions, "f.kind", selection.kinds());
        anyOf(conditions, "f.origin", selection.origins());
        prefixes(conditions, "f.subject", selection.subjectPrefixes());
        prefixes(conditions, "f.economic", selection.economicPrefixes());
        if (selection.project() != null) {
            conditions.add((projectsNamedByUnit ? "f.unit || '/' || f.project" : "f.project") + " = "
                    + parameter(selection.project()));
        }
        // a dimension the fact does not have (null) makes its condition null, which WHERE and CASE WHEN take as false
        return conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
    }

    private static void anyOf(List<String> conditions, String column, Set<? extends Enum<?>> values) {
        if (values != null) {
            // an enum's names are identifiers: written out as they are
            conditions.add(values.isEmpty() ? "FALSE" : column + " IN (" + String.join(", ",
                    values.stream().map(value -> "'" + value.name() + "'").sorted().toList()) + ")");
        }
    }

    private void prefixes(List<String> conditions, String column, Set<String> prefixes) {
        if (prefixes == null) {
            return;
        }
        if (prefixes.isEmpty()) {
            conditions.add("FALSE");
            return;
        }
        List<String> any = new ArrayList<>();
        for (String prefix : prefixes.stream().sorted().toList()) {
            // a catalog code is digits, written out; anything else is bound
            any.add(column + " LIKE " + (DIGITS.matcher(prefix).matches() ? "'" + prefix + "%'" : parameter(likePrefix(prefix))));
        }
        conditions.add("(" + String.join(" OR ", any) + ")");
    }

    /** The prefix as a LIKE pattern, its own wildcards (and the escape character) taken literally. */
    private static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
