package org.budgetledger.projection.publication;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Says a {@link Narrative}'s blocks of the figures of one publication: each template's words as written, each
 * {@code {figure}} as the figure prints, each {@code {blank:key}} as the text the profile's {@code explanations} give it
 * or as a marked blank, each {@code [?flag:words]} ({@code [!flag:words]}) as its words — figures and blanks among
 * them — when the flag holds (does not).
 * A blank said of an item is keyed {@code key_itemkey}, so that every item's blank is filled on its own.
 *
 * @throws NarrativeException for a template that names no figure, a blank with no label, a condition that is no flag
 */
final class NarrativeRenderer {

    /** A template that cannot be said of these figures: a word of the narrative is wrong. */
    static final class NarrativeException extends IllegalStateException {
        NarrativeException(String message) {
            super(message);
        }
    }

    /** The figures a template sees: an item's own, then those around it. */
    private record Scope(Map<String, Figure> figures, Scope outer, String keySuffix) {
        Figure find(String name) {
            for (Scope scope = this; scope != null; scope = scope.outer()) {
                Figure figure = scope.figures().get(name);
                if (figure != null) {
                    return figure;
                }
            }
            return null;
        }
    }

    private final Narrative narrative;
    private final Map<String, String> explanations;

    NarrativeRenderer(Narrative narrative, Map<String, String> explanations) {
        this.narrative = narrative;
        this.explanations = explanations;
    }

    /** The section's paragraphs, said of the figures. */
    List<Paragraph> render(Narrative.Section section, Map<String, Figure> figures) {
        List<Paragraph> paragraphs = new ArrayList<>();
        Scope scope = new Scope(figures, null, "");
        for (Narrative.Block block : section.blocks()) {
            render(block, scope, paragraphs, section.key());
        }
        return paragraphs;
    }

    /** A title or another single template, said of the figures. */
    List<Segment> line(String template, Map<String, Figure> figures) {
        return template(template, new Scope(figures, null, ""), "title");
    }

    private void render(Narrative.Block block, Scope scope, List<Paragraph> out, String where) {
        if (!holds(block.when(), scope, where)) {
            return;
        }
        if (block.each() != null) {
            List<Figure.Item> items = items(block.each(), scope, where);
            if (block.separator() != null) {
                joined(block, items, scope, out, where);
                return;
            }
            for (Figure.Item item : items) {
                said(block, new Scope(item.figures(), scope, scope.keySuffix() + "_" + item.key()), out, where);
            }
            return;
        }
        said(block, scope, out, where);
    }

    /** The block itself (its variants, text, heading and blocks) in a scope. */
    private void said(Narrative.Block block, Scope scope, List<Paragraph> out, String where) {
        if (!block.variants().isEmpty()) {
            for (Narrative.Block variant : block.variants()) {
                if (holds(variant.when(), scope, where)) {
                    render(new Narrative.Block(null, variant.each(), variant.text(), variant.heading(), variant.separator(),
                            variant.before(), variant.after(), variant.variants(), variant.blocks()), scope, out, where);
                    break;
                }
            }
        }
        if (block.heading() != null) {
            out.add(new Paragraph(3, template(block.heading(), scope, where)));
        }
        if (block.text() != null) {
            out.add(Paragraph.text(template(block.text(), scope, where)));
        }
        for (Narrative.Block child : block.blocks()) {
            render(child, scope, out, where);
        }
    }

    /** One paragraph: before, then each item's text, separated, then after; nothing when there are no items. */
    private void joined(Narrative.Block block, List<Figure.Item> items, Scope scope, List<Paragraph> out, String where) {
        if (items.isEmpty() || block.text() == null) {
            return;
        }
        List<Segment> segments = new ArrayList<>();
        if (block.before() != null) {
            segments.addAll(template(block.before(), scope, where));
        }
        for (int index = 0; index < items.size(); index++) {
            if (index > 0) {
                segments.add(new Segment.Words(block.separator()));
            }
            Figure.Item item = items.get(index);
            segments.addAll(template(block.text(), new Scope(item.figures(), scope, scope.keySuffix() + "_" + item.key()), where));
        }
        if (block.after() != null) {
            segments.addAll(template(block.after(), scope, where));
        }
        out.add(Paragraph.text(merged(segments)));
    }

    private List<Segment> template(String template, Scope scope, String where) {
        List<Segment> segments = new ArrayList<>();
        int position = 0;
        while (position < template.length()) {
            int open = nextOpening(template, position);
            if (open < 0) {
                segments.add(new Segment.Words(template.substring(position)));
                break;
            }
            char closing = template.charAt(open) == '{' ? '}' : ']';
            int close = template.indexOf(closing, open);
            if (close < 0) {
                throw new NarrativeException(where + ": a " + template.charAt(open) + " without its " + closing + " in \"" + template + "\"");
            }
            if (open > position) {
                segments.add(new Segment.Words(template.substring(position, open)));
            }
            String inside = template.substring(open + 1, close);
            segments.addAll(closing == '}' ? placeholder(inside, scope, where) : conditional(inside, scope, where));
            position = close + 1;
        }
        return merged(segments);
    }

    /** Where the next {@code {…}} or {@code [?…]}, {@code [!…]} starts, or −1. */
    private static int nextOpening(String template, int from) {
        for (int index = from; index < template.length(); index++) {
            char character = template.charAt(index);
            if (character == '{' || character == '[' && index + 1 < template.length()
                    && (template.charAt(index + 1) == '?' || template.charAt(index + 1) == '!')) {
                return index;
            }
        }
        return -1;
    }

    /** {@code ?flag:words} said when the flag holds, {@code !flag:words} when it does not; the words may hold figures. */
    private List<Segment> conditional(String inside, Scope scope, String where) {
        int colon = inside.indexOf(':');
        if (colon < 0) {
            throw new NarrativeException(where + ": [" + inside + "] needs a flag, a colon and words");
        }
        boolean wanted = inside.charAt(0) == '?';
        return flag(inside.substring(1, colon), scope, where) == wanted ? template(inside.substring(colon + 1), scope, where)
                : List.of();
    }

    private List<Segment> placeholder(String inside, Scope scope, String where) {
        if (inside.startsWith("blank:")) {
            String name = inside.substring("blank:".length());
            String label = narrative.blanks().get(name);
            if (label == null) {
                throw new NarrativeException(where + ": the blank " + name + " has no label under blanks");
            }
            String key = name + scope.keySuffix();
            return List.of(new Segment.Blank(key, label, explanations.get(key)));
        }
        Figure figure = scope.find(inside);
        if (figure == null) {
            throw new NarrativeException(where + ": no figure " + inside);
        }
        return List.of(new Segment.Value(inside, figure, figure.text()));
    }

    private boolean holds(String condition, Scope scope, String where) {
        if (condition == null) {
            return true;
        }
        return condition.startsWith("!") ? !flag(condition.substring(1), scope, where) : flag(condition, scope, where);
    }

    private static boolean flag(String name, Scope scope, String where) {
        if (!(scope.find(name) instanceof Figure.Flag flag)) {
            throw new NarrativeException(where + ": " + name + " is no condition (a flag figure)");
        }
        return flag.value();
    }

    private static List<Figure.Item> items(String name, Scope scope, String where) {
        if (!(scope.find(name) instanceof Figure.Items items)) {
            throw new NarrativeException(where + ": " + name + " is no list of items");
        }
        return items.items();
    }

    /** Adjacent words as one segment. */
    private static List<Segment> merged(List<Segment> segments) {
        List<Segment> merged = new ArrayList<>();
        for (Segment segment : segments) {
            if (segment instanceof Segment.Words words && !merged.isEmpty()
                    && merged.get(merged.size() - 1) instanceof Segment.Words previous) {
                merged.set(merged.size() - 1, new Segment.Words(previous.text() + words.text()));
            } else if (!(segment instanceof Segment.Words words && words.text().isEmpty())) {
                merged.add(segment);
            }
        }
        return merged;
    }
}
