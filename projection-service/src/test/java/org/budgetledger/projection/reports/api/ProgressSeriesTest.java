package org.budgetledger.projection.reports.api;

import org.budgetledger.projection.departments.Consolidation;
import org.budgetledger.projection.departments.DepartmentStructure;
import org.budgetledger.projection.readmodel.CommitmentMovement;
import org.budgetledger.projection.readmodel.DepartmentInputs;
import org.budgetledger.projection.readmodel.FactQueries;
import org.budgetledger.projection.readmodel.MonitoringQueries;
import org.budgetledger.projection.readmodel.ReportPeriod;
import org.budgetledger.projection.reports.Scale;
import org.budgetledger.projection.reports.Scope;
import org.budgetledger.web.ApiProblem;
import org.budgetledger.web.security.Caller;
import org.budgetledger.web.security.Role;
import org.budgetledger.web.security.UnitAccess;
import org.budgetledger.web.security.UnitTree;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code execution/series} at department scope: twelve month ends, one request. The department at each month end is
 * the one of that date (a unit that joins in July counts from July's point on), read from one reading of the register;
 * the caller's access to each unit is decided once, not once a month.
 */
class ProgressSeriesTest {

    private static final String DEPARTMENT = "D";
    private static final String MEMBER = "DA";
    private static final String JOINS_IN_JULY = "DB";
    private static final LocalDate JOINED = LocalDate.of(2023, 7, 1);
    private static final Instant KNOWN_AT = Instant.parse("2024-03-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-01T00:00:00Z"), ZoneOffset.UTC);

    /** The register: the department as it stands at a date; counts how often the register is read. */
    private static final class CountedStructure implements DepartmentStructure {

        int readings;

        @Override
        public List<String> unitsOf(String unit, ReportPeriod period) {
            readings++;
            return departmentAt(unit, period);
        }

        @Override
        public DepartmentStructure snapshot() {
            readings++;
            return CountedStructure::departmentAt;
        }

        static List<String> departmentAt(String unit, ReportPeriod period) {
            if (!unit.equals(DEPARTMENT)) {
                return List.of(unit);
            }
            return period.asOf().isBefore(JOINED) ? List.of(DEPARTMENT, MEMBER) : List.of(DEPARTMENT, MEMBER, JOINS_IN_JULY);
        }
    }

    /** The units' parents today: both members under the department; counts the questions per unit. */
    private static final class CountedTree implements UnitTree {

        final Map<String, Integer> asked = new HashMap<>();

        @Override
        public List<String> ancestors(String unit) {
            asked.merge(unit, 1, Integer::sum);
            return unit.equals(DEPARTMENT) ? List.of() : List.of(DEPARTMENT);
        }
    }

    /** The facts: none; records which units each month end's inputs were read for. */
    private static final class RecordedFacts extends FactQueries {

        final List<List<String>> readFor = new ArrayList<>();

        RecordedFacts() {
            super(null, null, new TransactionTemplate(new UnusedTransactions()));
        }

        @Override
        public DepartmentInputs department(List<String> units, int year, ReportPeriod period) {
            readFor.add(units);
            return DepartmentInputs.of(List.of(), List.of(), units, period);
        }
    }

    private static final class UnusedTransactions implements PlatformTransactionManager {

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            throw new UnsupportedOperationException("no database here");
        }

        @Override
        public void commit(TransactionStatus status) {
            throw new UnsupportedOperationException("no database here");
        }

        @Override
        public void rollback(TransactionStatus status) {
            throw new UnsupportedOperationException("no database here");
        }
    }

    private static final class NoCommitments extends MonitoringQueries {

        NoCommitments() {
            super(null, null);
        }

        @Override
        public List<CommitmentMovement> movements(List<String> units, int year, Instant knownAt) {
            return List.of();
        }
    }

    private final CountedStructure structure = new CountedStructure();
    private final CountedTree tree = new CountedTree();
    private final RecordedFacts facts = new RecordedFacts();
    private final ProgressSeries series = new ProgressSeries(
            new Consolidation(facts, structure, new UnitAccess(tree), CLOCK), new NoCommitments());

    @Test
    void a_department_series_reads_the_register_once_and_decides_each_units_access_once() {
        Caller auditor = new Caller("auditor", Set.of(Role.AUDITOR), Set.of(DEPARTMENT));

        ExecutionSeries answer = series.of(auditor, DEPARTMENT, 2023, YearMonth.of(2023, 1), YearMonth.of(2023, 12), KNOWN_AT,
                Scope.DEPARTMENT, Scale.YUAN, null);

        assertThat(answer.points()).hasSize(12);
        // the same departments as month by month: the July joiner from July's month end on
        assertThat(facts.readFor.subList(0, 6)).allSatisfy(units -> assertThat(units).containsExactly(DEPARTMENT, MEMBER));
        assertThat(facts.readFor.subList(6, 12))
                .allSatisfy(units -> assertThat(units).containsExactly(DEPARTMENT, MEMBER, JOINS_IN_JULY));
        assertThat(structure.readings).isEqualTo(1);
        assertThat(tree.asked).containsOnly(Map.entry(MEMBER, 1), Map.entry(JOINS_IN_JULY, 1));
    }

    @Test
    void a_unit_the_caller_may_not_read_at_any_month_end_still_refuses_the_whole_series() {
        Caller outsider = new Caller("viewer", Set.of(Role.VIEWER), Set.of(MEMBER));

        assertThatThrownBy(() -> series.of(outsider, DEPARTMENT, 2023, YearMonth.of(2023, 1), YearMonth.of(2023, 12), KNOWN_AT,
                Scope.DEPARTMENT, Scale.YUAN, null)).isInstanceOf(ApiProblem.class);
        assertThat(facts.readFor).isEmpty();
    }
}
