package org.budgetledger.ledger.eventstore;

import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;
import org.budgetledger.contracts.events.EventVersions;
import org.budgetledger.contracts.events.RecordedEvent;

/**
 * The revision Axon stores beside each payload ({@code payloadRevision}): for an event, its version (SPEC §16,
 * {@link EventVersions}: contracts knows no Axon, so no {@code @Revision} there); for anything else, such as a budget
 * year's snapshot, its {@code @Revision} as before. Events stored before versions were written down have none:
 * version 1.
 */
final class EventRevisions implements RevisionResolver {

    private final RevisionResolver annotations = new AnnotationRevisionResolver();

    @Override
    public String revisionOf(Class<?> payloadType) {
        if (RecordedEvent.class.isAssignableFrom(payloadType)) {
            return Integer.toString(EventVersions.current(payloadType.getSimpleName()));
        }
        return annotations.revisionOf(payloadType);
    }
}
