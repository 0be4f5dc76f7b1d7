package org.budgetledger.contracts.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.LineOrigin;
import org.budgetledger.contracts.codes.PaymentMethod;
import org.budgetledger.contracts.codes.ThreePublicCategory;
import org.budgetledger.contracts.events.BalancesCarriedIn;
import org.budgetledger.contracts.events.BudgetAdjusted;
import org.budgetledger.contracts.events.BudgetAppropriated;
import org.budgetledger.contracts.events.BudgetTransferred;
import org.budgetledger.contracts.events.CarriedBalance;
import org.budgetledger.contracts.events.CarriedLine;
import org.budgetledger.contracts.events.EventEnvelope;
import org.budgetledger.contracts.events.IncomeReceived;
import org.budgetledger.contracts.events.LedgerEvent;
import org.budgetledger.contracts.events.OpeningBalanceRecorded;
import org.budgetledger.contracts.events.PaymentMade;
import org.budgetledger.contracts.events.PaymentRefunded;
import org.budgetledger.contracts.events.ReserveUsed;
import org.budgetledger.contracts.events.SurplusDistributed;
import org.budgetledger.contracts.events.ThreePublicLimitSet;
import org.budgetledger.contracts.events.YearClosed;
import org.budgetledger.contracts.events.RecordedEvent;
import org.budgetledger.contracts.events.RegistryEvent;
import org.budgetledger.contracts.events.UnitRegistered;
import org.budgetledger.contracts.events.UnitChanged;
import org.budgetledger.contracts.events.CatalogCodeAdded;
import org.budgetledger.contracts.codes.CatalogKind;
import org.budgetledger.contracts.codes.ProcurementAward;
import org.budgetledger.contracts.codes.ProcurementCategory;
import org.budgetledger.contracts.events.Activity;
import org.budgetledger.contracts.events.CommitmentCarriedOver;
import org.budgetledger.contracts.events.CommitmentMade;
import org.budgetledger.contracts.events.CommitmentReleased;
import org.budgetledger.contracts.events.Procurement;
import org.budgetledger.contracts.events.ScheduledPayment;
import org.budgetledger.contracts.codes.UnitType;
import org.budgetledger.contracts.codes.VehicleUse;
import org.budgetledger.contracts.events.AssetHoldings;
import org.budgetledger.contracts.events.PerformanceResult;
import org.budgetledger.contracts.events.ReferenceTable;
import org.budgetledger.contracts.events.ReferenceTablesRecorded;
import org.budgetledger.contracts.events.UnitYearProfileSet;
import org.budgetledger.contracts.events.VehicleHoldings;
import org.budgetledger.contracts.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event type goes onto the topic and back unchanged, with the key and headers of SPEC §5. */
class EventRecordsTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final LocalDate DAY = LocalDate.of(2023, 6, 10);

    private final EventRecords records = new EventRecords(JSON, "budget-ledger.events");
    private final EventValueReader reader = new EventValueReader(JSON);

    private record Read(EventEnvelope envelope, RecordedEvent event) {
    }

    @Test
    void every_event_type_goes_onto_the_topic_and_back_unchanged() throws Exception {
        List<RecordedEvent> events = oneOfEachType();
        assertThat(events.stream().map(RecordedEvent::eventName).distinct()).containsExactlyInAnyOrderElementsOf(EventTypes.names());
        long sequence = 41;
        for (RecordedEvent event : events) {
            EventEnvelope envelope = new EventEnvelope("e-" + sequence, sequence++, event.eventName(),
                    Instant.parse("2023-06-10T08:30:00.123456Z"));

            ProducerRecord<String, byte[]> record = records.toRecord(envelope, event);

            assertThat(reader.read(record.value(), Read::new)).isEqualTo(new Read(envelope, event));
            assertThat(record.topic()).isEqualTo("budget-ledger.events");
            List<Map.Entry<String, String>> expected = new ArrayList<>(List.of(
                    Map.entry("ce_specversion", "1.0"),
                    Map.entry("ce_id", envelope.eventId()),
                    Map.entry("ce_source", "/budget-ledger/430001"),
                    // every type at version 1 but CatalogCodeAdded, at 2 since it carries its level, and
                    // CommitmentCarriedOver, at 2 since it carries its closed line's origin (SPEC §16)
                    Map.entry("ce_type", "budgetledger." + event.getClass().getSimpleName()
                            + (event instanceof CatalogCodeAdded || event instanceof CommitmentCarriedOver ? ".v2" : ".v1")),
                    Map.entry("ce_time", "2023-06-10T08:30:00.123456Z"),
                    Map.entry("ce_subject", "2023"),
                    Map.entry("content-type", "application/json")));
            if (event instanceof LedgerEvent) {
                assertThat(record.key()).isEqualTo("430001:2023");
            } else if (event instanceof UnitYearProfileSet || event instanceof ReferenceTablesRecorded) {
                // a unit-year's disclosure data (SPEC §15): keyed by its unit-year like every event with a year (SPEC §5),
                // though the store files it under its own aggregate, "430001:2023:profile" or "…:reference"
                assertThat(record.key()).isEqualTo("430001:2023");
                assertThat(event.key()).isEqualTo(event instanceof UnitYearProfileSet ? "430001:2023:profile" : "430001:2023:reference");
            } else if (event instanceof CatalogCodeAdded) {
                assertThat(record.key()).isEqualTo("catalog:SUBJECTS");
                expected.set(2, Map.entry("ce_source", "/budget-ledger/catalog"));
                expected.remove(5); // a registry event belongs to no year
            } else {
                assertThat(record.key()).isEqualTo("430001");
                expected.remove(5);
            }
            assertThat(headers(record).entrySet()).containsExactlyElementsOf(expected);
            // a stored payload (what the ledger publishes, under the store's aggregate id) reads back as the same event
            byte[] stored = JSON.writeValueAsBytes(event);
            ProducerRecord<String, byte[]> sealed = records.toRecord(envelope, event.key(),
                    stored, new EventRecords.Integrity("a".repeat(64), "b".repeat(64)));
            assertThat(reader.read(sealed.value(), Read::new)).isEqualTo(new Read(envelope, event));
            assertThat(sealed.key()).isEqualTo(record.key());
            assertThat(headers(sealed)).isEqualTo(headers(record));
        }
    }

    @Test
    void a_stored_event_is_published_as_the_envelope_then_its_stored_fields_as_they_are_then_the_hash_chain() {
        // the stored payload keeps its field order and its fields unknown to this version: the hash chain covers them
        String stored = "{\"transactionId\":\"p-1\",\"unit\":\"430001\",\"year\":2023,\"effectiveDate\":\"2023-06-10\","
                + "\"amount\":\"12.34\",\"principal\":\"张会计\",\"fieldOfALaterVersion\":[1]}";
        EventEnvelope envelope = new EventEnvelope("9b2f", 7, "PaymentMade", Instant.parse("2023-06-10T08:30:00Z"));

        ProducerRecord<String, byte[]> record = records.toRecord(envelope, "430001:2023", stored.getBytes(StandardCharsets.UTF_8),
                new EventRecords.Integrity(null, "c0ffee"));

        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{\"eventId\":\"9b2f\",\"sequence\":7,"
                + "\"type\":\"PaymentMade\",\"recordedAt\":\"2023-06-10T08:30:00Z\",\"transactionId\":\"p-1\",\"unit\":\"430001\","
                + "\"year\":2023,\"effectiveDate\":\"2023-06-10\",\"amount\":\"12.34\",\"principal\":\"张会计\","
                + "\"fieldOfALaterVersion\":[1],\"previousHash\":null,\"hash\":\"c0ffee\"}");
        assertThat(record.key()).isEqualTo("430001:2023");
        assertThat(record.partition()).isNull();
        assertThat(headers(record)).containsEntry("ce_type", "budgetledger.PaymentMade.v1")
                .containsEntry("ce_time", "2023-06-10T08:30:00Z").containsEntry("ce_subject", "2023");
    }

    @Test
    void the_event_types_are_the_permitted_records_of_the_sealed_interface_by_their_simple_names() {
        assertThat(EventTypes.names()).hasSize(LedgerEvent.class.getPermittedSubclasses().length
                + RegistryEvent.class.getPermittedSubclasses().length).contains("PaymentMade", "YearClosed", "UnitChanged");
        assertThat(EventTypes.classOf("BalancesCarriedIn")).contains(BalancesCarriedIn.class);
        assertThat(EventTypes.classOf("BudgetVanished")).isEmpty();
        assertThat(EventTypes.cloudEventType("IncomeReceived")).isEqualTo("budgetledger.IncomeReceived.v1");
    }

    private static Map<String, String> headers(ProducerRecord<String, byte[]> record) {
        return StreamSupport.stream(record.headers().spliterator(), false).collect(Collectors.toMap(Header::key,
                header -> new String(header.value(), StandardCharsets.UTF_8), (first, second) -> second, LinkedHashMap::new));
    }

    private static List<RecordedEvent> oneOfEachType() {
        String unit = "430001";
        Money amount = Money.parseYuan("1234.56");
        return List.of(
                new BudgetAppropriated("a1", unit, 2023, DAY, "张会计", "年初预算", "记-001", "a1", Fund.GENERAL_BUDGET, "2140199",
                        Kind.PROJECT, "业务工作经费", null, amount),
                new BudgetAdjusted("j1", unit, 2023, DAY, "张会计", null, null, "a1", Fund.GENERAL_BUDGET, "2140199", Kind.PROJECT,
                        "业务工作经费", Money.parseYuan("-1.00"), "调减"),
                new BudgetTransferred("t1", unit, 2023, DAY, "张会计", null, null, Fund.GENERAL_BUDGET, "a1", "2140199", Kind.PROJECT,
                        "业务工作经费", "a2", "2010499", Kind.BASIC, null, Money.parseYuan("0.01"), "调剂"),
                new PaymentMade("p1", unit, 2023, DAY, "张会计", "办公用品", "记-002", "a1", LineOrigin.APPROPRIATION,
                        Fund.GENERAL_BUDGET, "2140199", Kind.PROJECT, "业务工作经费", "30201", amount, "某公司", PaymentMethod.DIRECT),
                new PaymentMade("p2", unit, 2023, DAY, "张会计", "会议费", null, "a1", LineOrigin.APPROPRIATION,
                        Fund.GENERAL_BUDGET, "2140199", Kind.PROJECT, "业务工作经费", "30215", amount, "某酒店", PaymentMethod.DIRECT,
                        null, "k1", new Procurement(ProcurementCategory.SERVICES, ProcurementAward.SMALL_MICRO), new Activity(2, 150)),
                new PaymentRefunded("r1", unit, 2023, DAY, "张会计", null, null, "p1", "a1", LineOrigin.APPROPRIATION,
                        Fund.GENERAL_BUDGET, "2140199", Kind.PROJECT, "业务工作经费", "30201", Money.parseYuan("10.00")),
                new IncomeReceived("i1", unit, 2023, DAY, "张会计", null, null, Fund.AFFILIATE, "2140199", Money.parseYuan("0.07"),
                        "430002"),
                new OpeningBalanceRecorded("o1", unit, 2023, DAY, "张会计", null, null, Fund.GENERAL_BUDGET, "2140199",
                        Kind.PROJECT, "业务工作经费", null, Money.parseYuan("50.00"), "o1"),
                new ReserveUsed("u1", unit, 2023, DAY, "张会计", null, null, Fund.OTHER, "2140199", Money.parseYuan("8.29")),
                new SurplusDistributed("d1", unit, 2023, DAY, "张会计", null, null, Fund.OTHER, "2140199", Money.parseYuan("1.00")),
                new ThreePublicLimitSet("l1", unit, 2023, DAY, "张会计", null, null, ThreePublicCategory.RECEPTION,
                        Money.parseYuan("3.00")),
                new YearClosed("c0", unit, 2023, DAY, "张会计", null, null),
                new BalancesCarriedIn("c1", unit, 2023, LocalDate.of(2023, 1, 1), "张会计", null, null, 2022,
                        List.of(new CarriedLine("c1-1", "a0", Fund.GENERAL_BUDGET, "2140199", Kind.PROJECT, "业务工作经费", null,
                                Money.parseYuan("5.00"))),
                        List.of(new CarriedBalance(Fund.OTHER, "2140199", Money.parseYuan("2.50")))),
                new CommitmentMade("k1", unit, 2023, DAY, "张会计", "设备采购合同", "记-003", "a1", LineOrigin.APPROPRIATION,
                        Fund.GENERAL_BUDGET, "2140199", Kind.PROJECT, "业务工作经费", Money.parseYuan("300.00"), "HT-2023-01",
                        "某公司", List.of(new ScheduledPayment(LocalDate.of(2023, 7, 1), Money.parseYuan("100.00")),
                        new ScheduledPayment(LocalDate.of(2023, 12, 1), Money.parseYuan("200.00")))),
                new CommitmentReleased("k1-r", unit, 2023, DAY, "张会计", null, null, "k1", "a1", LineOrigin.APPROPRIATION,
                        Fund.GENERAL_BUDGET, "2140199", Kind.PROJECT, "业务工作经费", Money.parseYuan("0.01")),
                new CommitmentCarriedOver("c1", unit, 2023, LocalDate.of(2023, 1, 1), "张会计", null, null, "k0", 2022, "a0",
                        LineOrigin.OPENING, "c1-1", Fund.GENERAL_BUDGET, "2140199", Kind.PROJECT, "业务工作经费",
                        Money.parseYuan("199.99"), "HT-2023-01",
                        "某公司", List.of(new ScheduledPayment(LocalDate.of(2023, 1, 1), Money.parseYuan("199.99")))),
                new UnitRegistered(unit, "湖南省交通运输厅科技信息中心", "430000", UnitType.PUBLIC_SERVICE_1, "管理员"),
                new UnitChanged(unit, LocalDate.of(2023, 12, 1), null, null, UnitType.PUBLIC_SERVICE_2, "管理员"),
                new CatalogCodeAdded(CatalogKind.SUBJECTS, "2010601", "行政运行", "管理员"),
                new UnitYearProfileSet(unit, 2023, "负责厅机关交通运输信息化项目建设", "中心设有5个部门",
                        new AssetHoldings(new VehicleHoldings(1, Map.of(VehicleUse.OTHER, 1)), null, 4),
                        List.of(new PerformanceResult("业务工作经费", new BigDecimal("86.5"), "良")),
                        Map.of("income_change_reason", "信息化建设资金减少"), "管理员"),
                new ReferenceTablesRecorded(unit, 2023, 2022, "WANYUAN", List.of(new ReferenceTable("T01",
                        List.of("side", "line", "item", "amount"), List.of(List.of("income", "31", "总计", "190517200.00")))),
                        "管理员"));
    }

    @Test
    void a_counterparty_is_written_only_when_there_is_one_so_that_the_stored_form_of_every_other_event_is_unchanged() {
        PaymentMade outside = new PaymentMade("p1", "430001", 2023, DAY, "张会计", null, null, "a1", LineOrigin.APPROPRIATION,
                Fund.GENERAL_BUDGET, "2140199", Kind.PROJECT, null, "30201", Money.parseYuan("1.00"), "某公司", PaymentMethod.DIRECT);
        PaymentMade inside = new PaymentMade("p2", "430001", 2023, DAY, "张会计", null, null, "a1", LineOrigin.APPROPRIATION,
                Fund.GENERAL_BUDGET, "2140199", Kind.SUBSIDY_AFFILIATE, null, "30201", Money.parseYuan("1.00"), "某中心",
                PaymentMethod.DIRECT, "430002");

        assertThat(JSON.valueToTree(outside).has("counterparty")).isFalse();
        assertThat(JSON.valueToTree(inside).path("counterparty").asText()).isEqualTo("430002");
    }
}
