package org.budgetledger.projection.readmodel;

import org.springframework.jdbc.support.SqlArrayValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A cell's definition ({@link CellSum}) as conditions of SQL over a row {@code f} of the table {@code fact}, every
 * value a named parameter: what {@link FactSelection#chooses} asks of a fact in Java, asked by the database. The
 * parameters of every condition written are gathered in {@link #parameters}.
 */
final class SelectionSql {

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

    /** Whether the cell counts the fact at all: one of its terms chooses it. */
    String anyTerm(CellSum cell) {
        List<String> terms = new ArrayList<>();
        for (CellSum.Term term : cell.terms()) {
            terms.add("(" + chooses(term.selection()) + ")");
        }
        return terms.isEmpty() ? "FALSE" : String.join(" OR ", terms);
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
        // a dimension the fact does not have (null) makes its condition null: coalesce, so that NOT and CASE see false
        return conditions.isEmpty() ? "TRUE" : "coalesce(" + String.join(" AND ", conditions) + ", false)";
    }

    private void anyOf(List<String> conditions, String column, Set<? extends Enum<?>> values) {
        if (values != null) {
            conditions.add(column + " = ANY (" + parameter(new SqlArrayValue("varchar",
                    values.stream().map(Enum::name).sorted().toArray())) + ")");
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
            any.add(column + " LIKE " + parameter(likePrefix(prefix)));
        }
        conditions.add("(" + String.join(" OR ", any) + ")");
    }

    /** The prefix as a LIKE pattern, its own wildcards (and the escape character) taken literally. */
    private static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
