package org.budgetledger.projection.publication;

import java.util.List;
import java.util.stream.Collectors;

/** A generated paragraph, or a heading within a section (level 3, 4 …), as segments. */
public record Paragraph(int headingLevel, List<Segment> segments) {

    public static Paragraph text(List<Segment> segments) {
        return new Paragraph(0, List.copyOf(segments));
    }

    public boolean heading() {
        return headingLevel > 0;
    }

    public String plainText() {
        return segments.stream().map(Segment::text).collect(Collectors.joining());
    }
}
