package org.budgetledger.ledger.audit;

import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Names the damaged event behind a budget year that cannot be loaded. A budget year is sourced from all its
 * events, so one payload damaged in the database stops every posting to it; the client is told which event,
 * and the operator restores it (docs/OPERATIONS.md).
 */
@Component
public class DamagedEvents {

    private static final Logger log = LoggerFactory.getLogger(DamagedEvents.class);

    private final EventHistory history;

    DamagedEvents(EventHistory history) {
        this.history = history;
    }

    /**
     * If {@code failure} is a stored payload that could not be read, the problem naming the first damaged
     * event of the unit's budget {@code years} (read a page at a time, only on this failure); else empty.
     */
    public Optional<ApiProblem> problem(Throwable failure, String unit, List<Integer> years) {
        if (!EventPayloads.isUnreadablePayload(failure)) {
            return Optional.empty();
        }
        for (int year : years) {
            EventHistory.Filter budgetYear = new EventHistory.Filter(unit, null, year, null, null, null, null);
            long after = 0;
            for (List<StoredEvent> page = history.page(budgetYear, after, ChainVerification.PAGE); !page.isEmpty();
                 page = history.page(budgetYear, after, ChainVerification.PAGE)) {
                Optional<StoredEvent> damaged = page.stream().filter(event -> event.damaged() != null).findFirst();
                if (damaged.isPresent()) {
                    return Optional.of(problem(damaged.get()));
                }
                after = page.get(page.size() - 1).sequence();
            }
        }
        return Optional.empty();
    }

    private static ApiProblem problem(StoredEvent event) {
        log.error("event=stored_event_damaged sequence={} event_id={} budget_year={} problem=\"{}\"", event.sequence(),
                event.eventId(), event.aggregateId(), event.damaged());
        return new ApiProblem(ProblemCode.EVENT_DAMAGED, "event " + event.eventId() + " (sequence " + event.sequence()
                + ") of budget year " + event.aggregateId() + " is damaged: " + event.damaged()
                + "; the budget year takes no transaction until the event is restored");
    }
}
