package org.budgetledger.projection.departments;

import org.budgetledger.contracts.codes.CatalogKind;
import org.budgetledger.contracts.codes.UnitType;
import org.budgetledger.projection.readmodel.CodeNames;
import org.budgetledger.projection.readmodel.ProjectionSchema;
import org.budgetledger.projection.readmodel.ReportInputs;
import org.budgetledger.projection.readmodel.ReportPeriod;
import org.budgetledger.projection.settings.ProjectionSettings;
import org.budgetledger.web.security.UnitTree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The units and catalog codes the projection applied (SPEC §12), answered at any (asOf, knownAt): a unit's name,
 * parent and type, a department's units ({@link DepartmentStructure}), the units' parent chains as they stand now
 * ({@link UnitTree}, for {@code UnitAccess}), the catalog's names.
 *
 * <p>The register is small (a few events per unit) and read by every report, so it is held in memory
 * ({@link RegisterSnapshot}) and a question costs no query but one: the {@code registry_version} row, which every
 * delivery that applies a registry event raises in its own transaction. The highest applied sequence would not do:
 * registry events travel under their own keys, on other partitions, so one of a lower sequence can be applied after
 * one of a higher. When the version moved, the whole register is read again (one query per table); a department of
 * 200 units then resolves in memory in well under a millisecond.
 */
@Component
@DependsOn("projectionFlyway")
public class AppliedRegister implements DepartmentStructure, UnitTree {

    private static final Logger log = LoggerFactory.getLogger(AppliedRegister.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile RegisterSnapshot snapshot = RegisterSnapshot.EMPTY;

    AppliedRegister(JdbcClient jdbc, ProjectionSettings settings) {
        this.jdbc = jdbc;
        this.clock = Clock.system(settings.reports().zone());
    }

    /** The unit on asOf as known at knownAt; empty when the projection knows no registration of it by then. */
    public Optional<UnitAttributes> unitAt(String unit, ReportPeriod period) {
        return current().unitAt(unit, period);
    }

    /**
     * The name a form prints on its 部门 line, or null when the projection knows no registration of the unit by
     * knownAt (a unit registered before its events reached the projection, a read model not caught up): the
     * form then prints the unit's code, as it did before units were events.
     */
    public String nameAt(String unit, ReportPeriod period) {
        return unitAt(unit, period).map(UnitAttributes::name).orElse(null);
    }

    /**
     * The names of {@link #nameAt} for many units, from one reading of the register: a department's checks name
     * hundreds of units, and each {@code nameAt} asks the database whether the register moved.
     */
    public Function<String, String> namesAt(ReportPeriod period) {
        RegisterSnapshot held = current();
        return unit -> held.unitAt(unit, period).map(UnitAttributes::name).orElse(null);
    }

    @Override
    public List<String> unitsOf(String unit, ReportPeriod period) {
        return current().departmentOf(unit, period);
    }

    /** The register as it stands now: its answers cost no query, not even the version's. */
    @Override
    public DepartmentStructure snapshot() {
        return current()::departmentOf;
    }

    /** The parent chain as of today (the reports' zone), as known now: what a grant of a unit lets a caller read. */
    @Override
    public List<String> ancestors(String unit) {
        return current().ancestorsOf(unit, new ReportPeriod(LocalDate.now(clock), clock.instant()));
    }

    /** The catalog's names known at knownAt. */
    public CodeNames codeNamesAt(Instant knownAt) {
        return current().codeNamesAt(knownAt);
    }

    /** The inputs with their rows named as the catalog stood at the period's knownAt. */
    public ReportInputs named(ReportInputs inputs, ReportPeriod period) {
        return inputs.withNames(codeNamesAt(period.knownAt()));
    }

    private RegisterSnapshot current() {
        long version = version();
        RegisterSnapshot held = snapshot;
        if (held.version == version) {
            return held;
        }
        synchronized (this) {
            if (snapshot.version != version) {
                // read after the version: rows committed in between are newer than it, and read again next time
                snapshot = load(version);
                log.debug("event=unit_register_loaded version={}", version);
            }
            return snapshot;
        }
    }

    private long version() {
        return jdbc.sql("SELECT applied FROM " + ProjectionSchema.NAME + ".registry_version").query(Long.class).single();
    }

    private RegisterSnapshot load(long version) {
        List<RegisterSnapshot.UnitEvent> units = jdbc.sql("SELECT sequence, unit, effective_date, recorded_at, name, parent,"
                        + " unit_type FROM " + ProjectionSchema.NAME + ".unit_event")
                .query((row, number) -> new RegisterSnapshot.UnitEvent(row.getLong("sequence"), row.getString("unit"),
                        row.getDate("effective_date") == null ? null : row.getDate("effective_date").toLocalDate(),
                        row.getTimestamp("recorded_at").toInstant(), row.getString("name"), row.getString("parent"),
                        row.getString("unit_type") == null ? null : UnitType.valueOf(row.getString("unit_type"))))
                .list();
        List<RegisterSnapshot.CodeAdded> codes = jdbc.sql("SELECT sequence, catalog, code, name, recorded_at FROM "
                        + ProjectionSchema.NAME + ".catalog_code")
                .query((row, number) -> new RegisterSnapshot.CodeAdded(row.getLong("sequence"),
                        CatalogKind.valueOf(row.getString("catalog")), row.getString("code"), row.getString("name"),
                        row.getTimestamp("recorded_at").toInstant()))
                .list();
        return new RegisterSnapshot(version, units, codes);
    }
}
