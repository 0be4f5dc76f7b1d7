package org.budgetledger.projection.publication;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A province's narrative (SPEC §15) is read as data and checked whole at start: a template naming no figure, a blank
 * without a label, a block of an unknown shape stop the start with what is wrong. Its words are said as written, with
 * a filled blank's text in the blank's place.
 */
class NarrativeTest {

    private static final String TITLES = """
            titles: {document: "{year}年度{unit_name}部门决算", contents: 目录, profile: 概况, tables: 表, statements: 说明,
              glossary: 名词, annex: 附件, annex_execution: 执行, reference_note: 参考}
            glossary: []
            notes: []
            profile: []
            """;

    @Test
    void a_province_words_its_sentences_its_own_way_and_a_filled_blank_prints_its_text() throws IOException {
        Narrative narrative = read(TITLES + """
                blanks: {why: 原因}
                statements:
                  - key: income
                    title: 一、收入
                    blocks:
                      - "本单位{year}年收入{income_total}万元[?has_reserve_used:，另用结余{reserve_used}万元]，原因：{blank:why}。"
                """);
        NarrativeConfiguration.check(narrative);
        Map<String, Figure> figures = Map.of("year", new Figure.Text("2023"), "income_total", new Figure.Amount(7_906_020_000L),
                "has_reserve_used", new Figure.Flag(false), "reserve_used", new Figure.Amount(0));

        List<Paragraph> open = new NarrativeRenderer(narrative, Map.of()).render(narrative.statements().get(0), figures);
        List<Paragraph> filled = new NarrativeRenderer(narrative, Map.of("why", "信息化建设资金减少"))
                .render(narrative.statements().get(0), figures);

        assertThat(open.get(0).plainText()).isEqualTo("本单位2023年收入7906.02万元，原因：【原因】。");
        assertThat(filled.get(0).plainText()).isEqualTo("本单位2023年收入7906.02万元，原因：信息化建设资金减少。");
        assertThat(open.get(0).segments()).filteredOn(Segment.Value.class::isInstance).extracting(segment -> ((Segment.Value) segment).figure())
                .containsExactly("year", "income_total");
    }

    @Test
    void a_template_naming_no_figure_stops_the_start_with_its_name() throws IOException {
        Narrative narrative = read(TITLES + """
                blanks: {}
                statements:
                  - key: income
                    title: 一、收入
                    blocks:
                      - "收入{income_totl}万元"
                """);

        assertThat(catchThrowable(() -> NarrativeConfiguration.check(narrative))).isInstanceOf(NarrativeRenderer.NarrativeException.class)
                .hasMessage("income: no figure income_totl");
    }

    @Test
    void a_blank_without_a_label_and_a_block_of_an_unknown_shape_are_refused() throws IOException {
        Narrative unlabelled = read(TITLES + """
                blanks: {}
                statements:
                  - {key: income, title: 一、收入, blocks: ["{blank:why}"]}
                """);

        assertThat(catchThrowable(() -> NarrativeConfiguration.check(unlabelled))).hasMessage("income: the blank why has no label under blanks");
        assertThat(catchThrowable(() -> read(TITLES + """
                blanks: {}
                statements:
                  - {key: income, title: 一、收入, blocks: [{txt: "收入"}]}
                """))).isInstanceOf(IOException.class).hasMessage("statements.income: unknown key txt in a block");
    }

    private static Narrative read(String yaml) throws IOException {
        return Narrative.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }
}
