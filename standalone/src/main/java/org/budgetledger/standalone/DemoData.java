package org.budgetledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetledger.contracts.events.ReferenceTablesRecorded;
import org.budgetledger.contracts.events.UnitYearProfileSet;
import org.budgetledger.ledger.disclosure.ProfileRequest;
import org.budgetledger.ledger.disclosure.ReferenceFiles;
import org.budgetledger.ledger.disclosure.UnitYearDisclosures;
import org.budgetledger.ledger.posting.PostingAnswer;
import org.budgetledger.ledger.posting.TransactionPosting;
import org.budgetledger.ledger.posting.TransactionRequest;
import org.budgetledger.ledger.posting.TransactionRequests;
import org.budgetledger.ledger.units.Unit;
import org.budgetledger.ledger.units.UnitRegister;
import org.budgetledger.ledger.units.Units;
import org.budgetledger.contracts.codes.UnitType;
import org.budgetledger.web.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code --budgetledger.demo=true}: posts the worked example — the 2023 history of 湖南省交通运输厅科技信息中心
 * whose reports equal its published 部门决算 tables — as the user {@code demo}. Idempotent: starting again with
 * the flag changes nothing. It refuses a unit-year that holds transactions of anyone else's: added to them,
 * its reports would no longer be the published ones while every 勾稽 check still passed.
 *
 * <p>Around the centre, a small department (issue #18, SPEC §12–§13): 湖南省交通运输厅 as its parent and two more
 * units under it, with their own 2023 transactions — subsidies from the 厅 and a remittance to it that agree,
 * each side naming the other as its {@code counterparty}. The centre's own year is not touched: its unit-scope
 * tables stay the published ones. The department is posted all or nothing after the worked example; a ledger
 * that refuses it (one without {@code counterparty}) stores none of it, and the demo says so and goes on.
 *
 * <p>Then the worked example's publication data (SPEC §15): the centre's 2023 profile and its 2022 reference tables,
 * each recorded once.
 */
@Component
@ConditionalOnProperty("budgetledger.demo")
class DemoData implements ApplicationRunner {

    static final String HISTORY = "/demo/hunan-2023.json";
    static final String DEPARTMENT = "/demo/hunan-department-2023.json";
    /** The worked example's publication data (SPEC §15): 430001/2023's profile and its 2022 reference tables. */
    static final String PUBLICATION = "/demo/hunan-2023-publication.json";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Units units;
    private final UnitRegister register;
    private final TransactionPosting posting;
    private final ObjectMapper json;
    private final JdbcClient jdbc;

    private final UnitYearDisclosures disclosures;

    DemoData(Units units, UnitRegister register, TransactionPosting posting, ObjectMapper json, JdbcClient jdbc,
             UnitYearDisclosures disclosures) {
        this.units = units;
        this.register = register;
        this.posting = posting;
        this.json = json;
        this.jdbc = jdbc;
        this.disclosures = disclosures;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        JsonNode history = read();
        JsonNode department = read(DEPARTMENT);
        JsonNode unit = history.path("unit");
        refuseOtherData(history.path("transactions"));
        refuseOtherData(department.path("transactions"));
        // parents first: the department's file lists the 厅 before its units, the centre among them
        department.path("units").forEach(this::register);
        register(unit);
        postWorkedExample(history);
        postDepartment(department);
        recordPublicationData(read(PUBLICATION));
    }

    /**
     * The profile and the reference of the worked example (SPEC §15), each recorded once: a unit-year that has one
     * already keeps it (starting again changes nothing; a profile edited since is not overwritten).
     */
    private void recordPublicationData(JsonNode publication) {
        String unit = publication.path("unit").asText();
        int year = publication.path("year").asInt();
        if (!recorded(unit + ":" + year + ":" + UnitYearProfileSet.KEY_SUFFIX)) {
            try {
                disclosures.setProfile(unit, year, json.treeToValue(publication.path("profile"), ProfileRequest.class),
                        Caller.system("demo"));
            } catch (IOException unreadable) {
                throw new IllegalStateException("the demo's profile cannot be read", unreadable);
            }
        }
        if (!recorded(unit + ":" + year + ":" + ReferenceTablesRecorded.KEY_SUFFIX)) {
            List<ReferenceFiles.Upload> files = new ArrayList<>();
            publication.path("reference").path("files").fields().forEachRemaining(file -> files.add(new ReferenceFiles.Upload(
                    file.getKey(), file.getValue().asText().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            disclosures.recordReference(unit, year, files, publication.path("reference").path("scale").asText(), "UTF-8",
                    Caller.system("demo"));
        }
        log.info("event=demo_publication_data unit={} year={}", unit, year);
    }

    private boolean recorded(String aggregate) {
        return jdbc.sql("SELECT count(*) FROM ledger.domain_event_entry WHERE aggregateIdentifier = ?").param(aggregate)
                .query(Long.class).single() > 0;
    }

    /** A unit of the demo as SPEC §12's registration takes it (code, name, parent, type), unless it is registered. */
    private void register(JsonNode unit) {
        String code = unit.path("code").asText();
        if (!units.exists(code)) {
            register.register(new Unit(code, unit.path("name").asText(),
                    unit.hasNonNull("parent") ? unit.path("parent").asText() : null,
                    unit.hasNonNull("type") ? UnitType.valueOf(unit.path("type").asText()) : UnitType.OTHER), "demo");
        }
    }

    private void postWorkedExample(JsonNode history) {
        JsonNode unit = history.path("unit");
        int created = 0;
        for (JsonNode transaction : history.path("transactions")) {
            PostingAnswer answer;
            try {
                answer = posting.post(json.treeToValue(transaction, TransactionRequest.class), Caller.system("demo"));
            } catch (IOException unreadable) {
                throw new IllegalStateException("the demo history was refused at " + transaction.path("id").asText(), unreadable);
            }
            if (answer instanceof PostingAnswer.Refused refused) {
                throw new IllegalStateException("the demo history was refused at " + transaction.path("id").asText()
                        + ": " + refused.rejection().code() + " " + refused.rejection().detail());
            }
            if (answer instanceof PostingAnswer.Accepted accepted && accepted.created()) {
                created++;
            }
        }
        log.info("event=demo_loaded unit={} transactions={} new={}", unit.path("code").asText(),
                history.path("transactions").size(), created);
    }

    /** The department's transactions in one all-or-nothing run: all of them stored, or none. */
    private void postDepartment(JsonNode department) {
        List<TransactionRequests.Decoded> items = new ArrayList<>();
        for (JsonNode transaction : department.path("transactions")) {
            // read as the API reads a body: a field this ledger does not know is the item's refusal, not an exception
            try {
                items.add(TransactionRequests.read(json, json.writeValueAsBytes(transaction)));
            } catch (IOException unwritable) {
                throw new UncheckedIOException(unwritable);
            }
        }
        List<PostingAnswer> answers = posting.post(items, Caller.system("demo"), true, decided -> { });
        for (int index = 0; index < answers.size(); index++) {
            if (answers.get(index) instanceof PostingAnswer.Refused refused) {
                log.warn("event=demo_department_refused id={} code={} detail=\"{}\"",
                        department.path("transactions").get(index).path("id").asText(), refused.rejection().code(),
                        refused.rejection().detail());
                return;
            }
        }
        long created = answers.stream().filter(answer -> answer instanceof PostingAnswer.Accepted accepted && accepted.created()).count();
        log.info("event=demo_department_loaded units={} transactions={} new={}", department.path("units").size(),
                answers.size(), created);
    }

    /** Refuses to start when a unit-year the demo writes holds transactions that are not the demo's. */
    private void refuseOtherData(JsonNode transactions) {
        Map<String, Set<Integer>> yearsByUnit = new TreeMap<>();
        Set<String> demoIds = new HashSet<>();
        transactions.forEach(transaction -> {
            demoIds.add(transaction.path("id").asText());
            yearsByUnit.computeIfAbsent(transaction.path("unit").asText(), unit -> new TreeSet<>())
                    .add(transaction.path("year").asInt());
        });
        yearsByUnit.forEach((unit, years) -> refuseOtherData(unit, years, demoIds));
    }

    private void refuseOtherData(String unit, Set<Integer> years, Set<String> demoIds) {
        for (int year : years) {
            List<String> others = jdbc.sql("SELECT id FROM ledger.posted_transaction WHERE unit = ? AND year = ? ORDER BY id")
                    .params(unit, year).query(String.class).stream().filter(id -> !demoIds.contains(id)).toList();
            if (!others.isEmpty()) {
                throw new IllegalStateException("--budgetledger.demo refused: unit " + unit + " already has " + others.size()
                        + " transaction(s) of " + year + " that are not the demo's (" + String.join(", ",
                        others.subList(0, Math.min(5, others.size()))) + (others.size() > 5 ? ", ..." : "")
                        + "); the demo's reports would include them and no longer equal the published tables."
                        + " Start the demo on a data directory of its own: --budgetledger.data-dir=demo-data");
            }
        }
    }

    /** The worked example: the centre's 2023 history. */
    static JsonNode read() {
        return read(HISTORY);
    }

    static JsonNode read(String resource) {
        try (InputStream in = Objects.requireNonNull(DemoData.class.getResourceAsStream(resource), resource)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
