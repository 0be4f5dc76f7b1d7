package org.budgetledger.projection.publication;

/**
 * A piece of a generated paragraph: the template's own words, a figure as printed (with its name, so that a reader
 * — and a test — can tell every number from the words around it), or a blank a person fills (主要原因是…): its key,
 * what it asks for, and its text once written (the unit-year's profile, {@code explanations}).
 */
public sealed interface Segment {

    String text();

    record Words(String text) implements Segment {
    }

    record Value(String figure, Figure value, String text) implements Segment {
    }

    /** @param filled the text a person wrote for it, or null while it is open */
    record Blank(String key, String label, String filled) implements Segment {
        @Override
        public String text() {
            return filled != null ? filled : "【" + label + "】";
        }

        public boolean open() {
            return filled == null;
        }
    }
}
