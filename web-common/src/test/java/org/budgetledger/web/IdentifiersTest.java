package org.budgetledger.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which text may name something, on its own. */
class IdentifiersTest {

    @Test
    void names_in_any_script_with_inner_spaces_and_characters_beyond_the_basic_plane_are_names() {
        for (String name : List.of("a1", "记-001", "a b", "Ab预算١٢٣𝟘", "line>2024", "?", "ü")) {
            assertThat(Identifiers.rejection(name)).as(name).isEmpty();
        }
    }

    @Test
    void lone_surrogates_are_refused_and_pairs_are_not() {
        assertThat(Identifiers.hasUnpairedSurrogate("\ud835\udfd8")).isFalse();
        for (String text : List.of("\ud800", "\udbff", "\udfff", "a\ud800b", "\udfff\ud800", "\ud835\udfd8\ud835")) {
            assertThat(Identifiers.hasUnpairedSurrogate(text)).as(text).isTrue();
            assertThat(Identifiers.rejection(text)).as(text).contains(Identifiers.UNPAIRED_SURROGATE);
        }
    }

    @Test
    void blank_text_surrounding_spaces_controls_and_bidirectional_formatting_are_refused() {
        for (String text : List.of(" ", "\u3000", "\u00a0", "HX ", " HX", "HX\u3000", "\u00a0HX", "a\tb", "a\nb",
                "a\u0000b", "a\u007fb", "a\u0085b", "a\u009bb", "\u202eabc", "a\u202ab", "\u2066x\u2069", "x\u200f",
                "x\u200e", "x\u061c")) {
            assertThat(Identifiers.rejection(text)).as(text).isPresent();
        }
    }
}
