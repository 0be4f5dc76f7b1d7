package org.budgetledger.ledger.publishing;

/**
 * How long the publisher waits before it reads the event store again. Under load a round that started at once
 * after the last one would find only the events of the one or two posting groups committed meanwhile, and each
 * round costs the same whatever it carries: a read of the event store, a produce request the broker appends and
 * answers, a stored position (a commit), and a fetch and a write of the projection downstream. So a round that
 * found fewer events than it may take waits until {@code gatherMillis} after it started: under load the events
 * of several groups go out together, and an idle ledger's next event still leaves within {@code idlePollMillis}.
 *
 * @param idlePollMillis pause after a round that found nothing
 * @param gatherMillis   least time from the start of a round that found something to the next read, unless it was full
 * @param batchSize      the most events a round takes: after a full round the next one starts at once
 */
record PublishingPace(long idlePollMillis, long gatherMillis, int batchSize) {

    /** The pause after a round that published {@code published} events and took {@code roundMillis}. */
    long pauseMillisAfter(int published, long roundMillis) {
        if (published == 0) {
            return idlePollMillis;
        }
        if (published >= batchSize) {
            return 0;
        }
        return Math.max(0, gatherMillis - roundMillis);
    }
}
