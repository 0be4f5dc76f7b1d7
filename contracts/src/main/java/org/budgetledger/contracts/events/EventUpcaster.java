package org.budgetledger.contracts.events;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One step of an event type's history: its stored or published JSON at {@link #fromVersion()} turned into its shape
 * at the next version. The chain covers stored bytes, so an event is never rewritten: it is read as stored, checked
 * (hash chain, Merkle proofs) as stored, and only then upcast, in memory, for whoever reads it.
 *
 * <p>A step must leave a value that already has the later shape as it is: a value read without its version (a topic
 * record's value alone, without its {@code ce_type}) goes through every step of its type.
 */
public interface EventUpcaster {

    /** The event's name, as in {@code type}. */
    String eventName();

    /** The version this step reads; it writes the next. */
    int fromVersion();

    /** The fields at the next version (the given node, changed in place, or another). */
    ObjectNode upcast(ObjectNode fields);
}
