package org.budgetledger.ledger.publishing;

/** The row of {@code ledger.publication_position} that holds how far the store is published to a topic. */
public final class PublicationPosition {

    private PublicationPosition() {
    }

    /** One row per topic: a restore onto a new topic starts that topic from the first event. */
    public static String key(String topic) {
        return "kafka:" + topic;
    }
}
