package org.budgetledger.projection.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.time.ZoneId;

/**
 * The projection service's settings under {@code budgetledger.*} (README, settings). The defaults are in
 * {@code budgetledger/projection.properties}. What both services share is the platform's
 * ({@code PlatformSettings}: events, database) and web-common's ({@code WebSettings}: security, http). In a
 * package of its own, so that every package may read it and it reads none of them.
 *
 * @param projection {@code budgetledger.projection.*}
 * @param reports    {@code budgetledger.reports.*}
 * @param monitoring {@code budgetledger.monitoring.*}
 */
@ConfigurationProperties("budgetledger")
public record ProjectionSettings(Projection projection, Reports reports, Monitoring monitoring) {

    /**
     * @param groupId         the projection's Kafka consumer group
     * @param checkpointFacts facts of a unit-year recorded between two checkpoints of knowledge, at least
     *                        ({@code FactCheckpoints})
     */
    public record Projection(String groupId, int checkpointFacts) {
    }

    /** @param zone the time zone of "today" in the reports (the default {@code as-of} date) */
    public record Reports(ZoneId zone) {
    }

    /**
     * Execution monitoring's alerts (SPEC §14, {@code GET …/alerts}).
     *
     * @param lagPoints       BEHIND_SCHEDULE when a line's or project's rate is more than this many percentage points
     *                        below 序时进度
     * @param forecastPercent YEAR_END_FORECAST when paid plus scheduled by 31 December is below this percent of the
     *                        full-year budget
     */
    public record Monitoring(BigDecimal lagPoints, BigDecimal forecastPercent) {
    }
}
