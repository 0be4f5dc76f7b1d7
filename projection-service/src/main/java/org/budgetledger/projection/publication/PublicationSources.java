package org.budgetledger.projection.publication;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.ProcurementAward;
import org.budgetledger.contracts.codes.ProcurementCategory;
import org.budgetledger.contracts.events.ReferenceTablesRecorded;
import org.budgetledger.contracts.events.UnitYearProfileSet;
import org.budgetledger.projection.readmodel.ProjectionSchema;
import org.budgetledger.projection.readmodel.ReportPeriod;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a publication reads of the read model beyond the tables (SPEC §15), each at the publication's (asOf,
 * knownAt): the unit-year's profile and reference as known then, the payments' disclosure of the units (internal
 * flows left out), whether last year is in the ledger, and the last event the projection applied by then (the
 * position in the ledger's hash chain the publication states).
 */
@Component
@DependsOn("projectionFlyway")
public class PublicationSources {

    private static final String SCHEMA = ProjectionSchema.NAME;
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String[] FISCAL = Arrays.stream(Fund.values()).filter(Fund::isFiscal).map(Fund::name).toArray(String[]::new);

    /** The last event the projection applied among those recorded by knownAt: its sequence, hash and instant. */
    public record LedgerPosition(long sequence, String hash, Instant recordedAt) {
        public static final LedgerPosition NONE = new LedgerPosition(0, null, null);
    }

    private final JdbcClient jdbc;

    PublicationSources(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UnitYearProfileSet> profile(String unit, int year, Instant knownAt) {
        return latest("unit_year_profile", "profile", unit, year, knownAt).map(json -> read(json, UnitYearProfileSet.class));
    }

    public Optional<ReferenceTablesRecorded> reference(String unit, int year, Instant knownAt) {
        return latest("reference_tables", "tables", unit, year, knownAt).map(json -> read(json, ReferenceTablesRecorded.class));
    }

    /** Whether any of the units has facts of the year (as recorded by knownAt): then that year is in the ledger. */
    public boolean inLedger(List<String> units, int year, Instant knownAt) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM " + SCHEMA + ".fact WHERE unit = ANY(?) AND year = ? AND recorded_at <= ?)")
                .params(units.toArray(String[]::new), year, Timestamp.from(knownAt)).query(Boolean.class).single();
    }

    /** The units' 政府采购 and the counts of their fiscal payments, kept by the period, internal flows left out. */
    public DisclosureSums disclosures(List<String> units, int year, ReportPeriod period) {
        String[] codes = units.toArray(String[]::new);
        String kept = " FROM " + SCHEMA + ".payment_disclosure WHERE unit = ANY(?) AND year = ? AND effective_date <= ?"
                + " AND recorded_at <= ? AND (counterparty IS NULL OR NOT counterparty = ANY(?))";
        Object[] parameters = {codes, year, java.sql.Date.valueOf(period.asOf()), Timestamp.from(period.knownAt()), codes};
        Map<ProcurementCategory, Map<ProcurementAward, Long>> procurement = new EnumMap<>(ProcurementCategory.class);
        jdbc.sql("SELECT category, award, sum(amount_fen)" + kept + " AND category IS NOT NULL GROUP BY category, award")
                .params(parameters).query((row, number) -> {
                    procurement.computeIfAbsent(ProcurementCategory.valueOf(row.getString(1)), category -> new EnumMap<>(ProcurementAward.class))
                            .put(ProcurementAward.valueOf(row.getString(2)), row.getLong(3));
                    return null;
                }).list();
        Map<String, DisclosureSums.Counted> activity = new HashMap<>();
        Object[] fiscal = Arrays.copyOf(parameters, parameters.length + 1);
        fiscal[parameters.length] = FISCAL;
        jdbc.sql("SELECT economic, sum(activity_count), sum(activity_persons)" + kept + " AND fund = ANY(?) GROUP BY economic")
                .params(fiscal).query((row, number) -> activity.put(row.getString(1),
                        new DisclosureSums.Counted(row.getLong(2), row.getLong(3)))).list();
        return new DisclosureSums(procurement, activity);
    }

    /**
     * The last event applied among those recorded by knownAt. The ledger's sequences are gap-free and recordedAt never
     * decreases along them, so it is the newest of those events the projection holds.
     */
    public LedgerPosition position(Instant knownAt) {
        return jdbc.sql("SELECT sequence, hash, recorded_at FROM " + SCHEMA + ".applied_event WHERE recorded_at <= ?"
                        + " ORDER BY recorded_at DESC, sequence DESC LIMIT 1").param(Timestamp.from(knownAt))
                .query((row, number) -> new LedgerPosition(row.getLong(1), row.getString(2), row.getTimestamp(3).toInstant()))
                .optional().orElse(LedgerPosition.NONE);
    }

    private Optional<String> latest(String table, String column, String unit, int year, Instant knownAt) {
        return jdbc.sql("SELECT " + column + " FROM " + SCHEMA + "." + table + " WHERE unit = ? AND year = ? AND recorded_at <= ?"
                        + " ORDER BY sequence DESC LIMIT 1")
                .params(unit, year, Timestamp.from(knownAt)).query(String.class).optional();
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
