package org.budgetledger.projection.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.budgetledger.contracts.events.EventEnvelope;
import org.budgetledger.contracts.events.PaymentMade;
import org.budgetledger.contracts.events.PaymentRefunded;
import org.budgetledger.contracts.events.RecordedEvent;
import org.budgetledger.contracts.events.ReferenceTablesRecorded;
import org.budgetledger.contracts.events.UnitYearProfileSet;
import org.budgetledger.platform.jdbc.ColumnArrays;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.UncheckedIOException;

/**
 * The rows a delivery's new events add for the publication (SPEC §15): a payment's procurement and activity
 * ({@code payment_disclosure}), the refunds of such a payment, a unit-year's profile and reference tables as their
 * events said. The publication ({@code publication.PublicationSources}) reads them back at any (asOf, knownAt).
 */
final class DisclosureRows {

    /** The profile's and the reference's records as JSON: no dates, nothing but what plain Jackson writes and reads. */
    static final ObjectMapper JSON = JsonMapper.builder().build();

    private final ColumnArrays payments = new ColumnArrays("bigint", "varchar", "int", "varchar", "date", "timestamptz",
            "varchar", "varchar", "varchar", "varchar", "varchar", "bigint", "int", "int");
    private final ColumnArrays refunds = new ColumnArrays("bigint", "varchar", "int", "varchar", "date", "timestamptz", "bigint");
    private final ColumnArrays profiles = new ColumnArrays("bigint", "varchar", "int", "timestamptz", "text");
    private final ColumnArrays references = new ColumnArrays("bigint", "varchar", "int", "timestamptz", "text");

    /** Whether the event is a unit-year's disclosure data, which this keeps (and no other table does). */
    static boolean isUnitYearData(RecordedEvent event) {
        return event instanceof UnitYearProfileSet || event instanceof ReferenceTablesRecorded;
    }

    void add(EventEnvelope envelope, RecordedEvent event) {
        String recordedAt = envelope.recordedAt().toString();
        if (event instanceof PaymentMade payment && (payment.procurement() != null || payment.activity() != null)) {
            payments.add(envelope.sequence(), payment.unit(), payment.year(), payment.transactionId(),
                    payment.effectiveDate().toString(), recordedAt, payment.fund().name(), payment.economic(),
                    payment.counterparty(), payment.procurement() == null ? null : payment.procurement().category().name(),
                    payment.procurement() == null ? null : payment.procurement().award().name(), payment.amount().fen(),
                    payment.activity() == null ? 0 : payment.activity().count(),
                    payment.activity() == null ? 0 : payment.activity().persons());
        } else if (event instanceof PaymentRefunded refund) {
            refunds.add(envelope.sequence(), refund.unit(), refund.year(), refund.paymentId(), refund.effectiveDate().toString(),
                    recordedAt, -refund.amount().fen());
        } else if (event instanceof UnitYearProfileSet profile) {
            profiles.add(envelope.sequence(), profile.unit(), profile.year(), recordedAt, json(profile));
        } else if (event instanceof ReferenceTablesRecorded reference) {
            references.add(envelope.sequence(), reference.unit(), reference.year(), recordedAt, json(reference));
        }
    }

    /**
     * Writes the rows. A refund of a payment without disclosure is no row: it is found by its payment's row, written
     * before it (in an earlier delivery, or above in this one). The sequence is the key: an event written twice is one row.
     */
    void write(JdbcTemplate jdbc, String schema) {
        if (!payments.isEmpty()) {
            jdbc.update("""
                    INSERT INTO %s.payment_disclosure (sequence, unit, year, payment_id, effective_date, recorded_at, fund,
                        economic, counterparty, category, award, amount_fen, activity_count, activity_persons)
                    SELECT * FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sequence) DO NOTHING"""
                    .formatted(schema), payments.arrays());
        }
        if (!refunds.isEmpty()) {
            jdbc.update("""
                    INSERT INTO %1$s.payment_disclosure (sequence, unit, year, payment_id, effective_date, recorded_at, fund,
                        economic, counterparty, category, award, amount_fen, activity_count, activity_persons)
                    SELECT refund.sequence, refund.unit, refund.year, refund.payment_id, refund.effective_date,
                        refund.recorded_at, paid.fund, paid.economic, paid.counterparty, paid.category, paid.award,
                        refund.amount_fen, 0, 0
                    FROM unnest(?, ?, ?, ?, ?, ?, ?) AS refund (sequence, unit, year, payment_id, effective_date, recorded_at,
                        amount_fen)
                    JOIN %1$s.payment_disclosure paid ON paid.unit = refund.unit AND paid.year = refund.year
                        AND paid.payment_id = refund.payment_id AND paid.amount_fen > 0
                    ON CONFLICT (sequence) DO NOTHING""".formatted(schema), refunds.arrays());
        }
        if (!profiles.isEmpty()) {
            jdbc.update("""
                    INSERT INTO %s.unit_year_profile (sequence, unit, year, recorded_at, profile)
                    SELECT * FROM unnest(?, ?, ?, ?, ?) ON CONFLICT (sequence) DO NOTHING""".formatted(schema), profiles.arrays());
        }
        if (!references.isEmpty()) {
            jdbc.update("""
                    INSERT INTO %s.reference_tables (sequence, unit, year, recorded_at, tables)
                    SELECT * FROM unnest(?, ?, ?, ?, ?) ON CONFLICT (sequence) DO NOTHING""".formatted(schema), references.arrays());
        }
    }

    private static String json(Object event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }
}
