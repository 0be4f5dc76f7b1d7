package org.budgetledger.projection.reports;

import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.projection.readmodel.Measure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;

/** Report inputs read from the read model, summed by the database. */
@Repository
class FactQueries {

    private final JdbcClient jdbc;

    FactQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    FactTotals totalsByClass(String unit, int year, ReportPeriod period) {
        FactTotals totals = new FactTotals();
        jdbc.sql("""
                        SELECT measure, fund, left(subject, 3) AS subject_class, sum(amount_fen) AS fen
                        FROM projection.fact
                        WHERE unit = ? AND year = ? AND effective_date <= ? AND recorded_at <= ?
                        GROUP BY measure, fund, left(subject, 3)""")
                .params(unit, year, Date.valueOf(period.asOf()), Timestamp.from(period.knownAt()))
                .query(row -> {
                    totals.add(Measure.valueOf(row.getString("measure")), Fund.valueOf(row.getString("fund")),
                            row.getString("subject_class"), row.getLong("fen"));
                });
        return totals;
    }
}
