package org.budgetledger.projection.publication;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words of the publication (SPEC §15) as data: the titles, each section of the 情况说明 as blocks of sentence
 * templates with named figures ({@code 本年收入合计{income_total}万元}), the blanks a person fills, the 名词解释. Read
 * from a YAML file ({@code publication/narrative.yml}, or the one {@code budgetledger.publication.narrative} names), so
 * that a province changes its wording without a build; rendered by {@link NarrativeRenderer}.
 *
 * <p>A block is one of: {@code text} (a paragraph), {@code heading} (a heading inside the section), {@code variants}
 * (the first block whose condition holds), {@code blocks} (several), and any of them with {@code when} (a condition:
 * a flag's name, {@code !} before it for its negation) or {@code each} (a list of items: the block is said of each
 * item, its figures before the others; with {@code separator} the items' texts are joined into one paragraph between
 * {@code before} and {@code after}).
 */
public record Narrative(Map<String, String> titles, Map<String, String> blanks, List<Section> profile,
                        List<Section> statements, List<String> glossary, List<String> notes) {

    /** A section: its title (a template) and its blocks. */
    public record Section(String key, String title, List<Block> blocks) {
    }

    /** A block of the narrative (see the class's description). */
    public record Block(String when, String each, String text, String heading, String separator, String before, String after,
                        List<Block> variants, List<Block> blocks) {
    }

    /** Reads the narrative from YAML (safe: plain maps, lists and strings only). */
    public static Narrative read(InputStream yaml) throws IOException {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(document instanceof Map<?, ?> root)) {
            throw new IOException("the narrative must be a YAML mapping");
        }
        return new Narrative(strings(root.get("titles"), "titles"), strings(root.get("blanks"), "blanks"),
                sections(root.get("profile"), "profile"), sections(root.get("statements"), "statements"),
                lines(root.get("glossary"), "glossary"), lines(root.get("notes"), "notes"));
    }

    public String title(String key) {
        String title = titles.get(key);
        if (title == null) {
            throw new IllegalStateException("the narrative has no title " + key);
        }
        return title;
    }

    private static List<Section> sections(Object value, String where) throws IOException {
        List<Section> sections = new ArrayList<>();
        for (Object element : list(value, where)) {
            Map<?, ?> section = map(element, where);
            sections.add(new Section(string(section.get("key"), where + ".key"), string(section.get("title"), where + ".title"),
                    blocks(section.get("blocks"), where + "." + section.get("key"))));
        }
        return sections;
    }

    private static List<Block> blocks(Object value, String where) throws IOException {
        List<Block> blocks = new ArrayList<>();
        if (value == null) {
            return blocks;
        }
        for (Object element : list(value, where)) {
            if (element instanceof String text) {
                blocks.add(new Block(null, null, text, null, null, null, null, List.of(), List.of()));
                continue;
            }
            Map<?, ?> block = map(element, where);
            for (Object key : block.keySet()) {
                if (!List.of("when", "each", "text", "heading", "separator", "before", "after", "variants", "blocks").contains(key)) {
                    throw new IOException(where + ": unknown key " + key + " in a block");
                }
            }
            blocks.add(new Block(optional(block.get("when")), optional(block.get("each")), optional(block.get("text")),
                    optional(block.get("heading")), optional(block.get("separator")), optional(block.get("before")),
                    optional(block.get("after")), blocks(block.get("variants"), where), blocks(block.get("blocks"), where)));
        }
        return blocks;
    }

    private static Map<String, String> strings(Object value, String where) throws IOException {
        Map<String, String> strings = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map(value, where).entrySet()) {
            strings.put(String.valueOf(entry.getKey()), string(entry.getValue(), where + "." + entry.getKey()));
        }
        return strings;
    }

    private static List<String> lines(Object value, String where) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Object element : list(value, where)) {
            lines.add(string(element, where));
        }
        return lines;
    }

    private static List<?> list(Object value, String where) throws IOException {
        if (!(value instanceof List<?> list)) {
            throw new IOException(where + " must be a list");
        }
        return list;
    }

    private static Map<?, ?> map(Object value, String where) throws IOException {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IOException(where + " must be a mapping");
        }
        return map;
    }

    private static String string(Object value, String where) throws IOException {
        if (value == null) {
            throw new IOException(where + " is required");
        }
        return String.valueOf(value);
    }

    private static String optional(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
