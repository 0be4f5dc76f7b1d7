package org.budgetledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.budgetledger.contracts.events.EventEnvelope;
import org.budgetledger.contracts.events.LedgerEvent;
import org.budgetledger.contracts.events.RecordedEvent;
import org.budgetledger.contracts.events.ThreePublicLimitSet;
import org.budgetledger.projection.readmodel.Fact;
import org.budgetledger.projection.readmodel.FactsOfEvent;
import org.budgetledger.projection.readmodel.LimitSetting;
import org.budgetledger.projection.readmodel.ReportInputs;
import org.budgetledger.projection.readmodel.ReportPeriod;
import org.budgetledger.projection.reports.ReportRow;
import org.budgetledger.projection.reports.ReportTable;
import org.budgetledger.projection.reports.catalog.ReportTables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The frozen event corpus (SPEC §16): in {@code src/test/resources/corpus/<generation>/}, every event type as one version
 * of the ledger stored and published it, with what it was projected to. Each generation is a directory of its own and
 * stays: later versions must read, verify and project every one of them ({@link EventCorpusTest}).
 *
 * <ul>
 * <li>{@code events.jsonl}: each stored event's row as the store holds it (the payload and metadata in base64);</li>
 * <li>{@code records.jsonl}: each record of the event topic: key, headers, value as published;</li>
 * <li>{@code digest.json}, {@code keys.json}, {@code proofs.jsonl}: the signed digest of the whole store, the public key,
 * and each event's inclusion proof against it, as the ledger answered;</li>
 * <li>{@code tables.json}: every table of every unit-year at 31 December, known at the digest's recordedAt, as rows of
 * cells in 分;</li>
 * <li>{@code README.md}: what wrote it, and how to write the next generation.</li>
 * </ul>
 */
final class EventCorpus {

    static final Path DIRECTORY = Path.of("src", "test", "resources", "corpus");
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** An event as the topic delivered it (or as the corpus recorded it). */
    record Delivered(EventEnvelope envelope, RecordedEvent event) {
    }

    private EventCorpus() {
    }

    /** Every generation in the corpus, oldest first. */
    static List<Path> generations() {
        try (Stream<Path> directories = Files.list(DIRECTORY)) {
            return directories.filter(Files::isDirectory).sorted().toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    static List<JsonNode> lines(Path file) {
        try {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    lines.add(JSON.readTree(line));
                }
            }
            return lines;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /**
     * Every table of every budget year among the events, at 31 December of its year and known at {@code knownAt}, as the
     * projection computes it from the events alone (its pure reference: {@link FactsOfEvent}, {@link ReportInputs#of},
     * each {@link ReportTable}): {@code {"unit:year:table": [rows]}}, a row's cells in 分 by column.
     */
    static ObjectNode tables(List<Delivered> events, Instant knownAt) {
        Map<String, List<Fact>> facts = new TreeMap<>();
        Map<String, List<LimitSetting>> limits = new TreeMap<>();
        for (Delivered delivered : events) {
            if (delivered.event() instanceof LedgerEvent ledgerEvent) {
                String unitYear = ledgerEvent.unit() + ":" + ledgerEvent.year();
                // by the fact's own year: a carry-over's commitment also leaves the closed year (SPEC §14)
                for (Fact fact : FactsOfEvent.of(delivered.envelope(), ledgerEvent)) {
                    facts.computeIfAbsent(fact.unit() + ":" + fact.year(), any -> new ArrayList<>()).add(fact);
                }
                if (ledgerEvent instanceof ThreePublicLimitSet limit) {
                    limits.computeIfAbsent(unitYear, any -> new ArrayList<>()).add(LimitSetting.of(delivered.envelope(), limit));
                }
            }
        }
        ObjectNode tables = JSON.createObjectNode();
        for (String unitYear : new TreeSet<>(facts.keySet())) {
            int year = Integer.parseInt(unitYear.substring(unitYear.indexOf(':') + 1));
            ReportInputs inputs = ReportInputs.of(facts.get(unitYear), limits.getOrDefault(unitYear, List.of()),
                    new ReportPeriod(LocalDate.of(year, 12, 31), knownAt));
            for (ReportTable table : new TreeMap<>(ReportTables.all()).values()) {
                ArrayNode rows = tables.putArray(unitYear + ":" + table.name());
                for (ReportRow row : table.rows(inputs)) {
                    ObjectNode written = rows.addObject();
                    written.put("code", row.code());
                    written.put("name", row.name());
                    putIfPresent(written, "side", row.side());
                    if (row.line() != null) {
                        written.put("line", row.line());
                    }
                    putIfPresent(written, "group", row.group());
                    putIfPresent(written, "part", row.part());
                    ObjectNode fen = written.putObject("fen");
                    row.fen().forEach((column, amount) -> fen.put(column.key(), amount));
                }
            }
        }
        return tables;
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
