package org.budgetledger.projection.publication;

import org.budgetledger.contracts.events.UnitYearProfileSet;
import org.budgetledger.projection.digests.DigestStatement;
import org.budgetledger.projection.reports.Report;
import org.budgetledger.projection.reports.Scope;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A unit-year's 部门决算 publication (SPEC §15) as a document: its title, its five parts in the seed report's order —
 * 第一部分 概况, 第二部分 the nine 公开表, 第三部分 情况说明, 第四部分 名词解释, 第五部分 附件 (the execution tables of the
 * 绩效自评) — and what every page states: the point in time (asOf, knownAt) and the position in the ledger it was
 * computed from. The HTML and DOCX renderings draw this one document.
 *
 * @param previousYear        the year the 较上年 comparisons are with, or null when there is no last year to compare with
 * @param previousFromReference whether last year's figures are a reference's (published tables), not the ledger's
 * @param profile             the unit-year's profile as known at knownAt, or null
 * @param ledgerDigest        the ledger's signed digest that covers knownAt (SPEC §16), or that none does yet: on every
 *                            page abbreviated, once in full in the colophon
 */
public record Publication(String unit, String unitName, int year, Scope scope, LocalDate asOf, Instant knownAt,
                          PublicationSources.LedgerPosition position, DigestStatement ledgerDigest, String title, List<Part> parts,
                          Integer previousYear, boolean previousFromReference, List<String> notes, UnitYearProfileSet profile) {

    /** A part: its key (profile, tables, statements, glossary, annex), its title and its sections. */
    public record Part(String key, String title, List<Section> sections) {
    }

    /** A section: its title, then its paragraphs, its 公开表 (第二部分) and its execution tables (第五部分). */
    public record Section(String key, String title, List<Paragraph> paragraphs, List<Report> tables,
                          List<ExecutionSheet> executions) {

        static Section of(String key, String title, List<Paragraph> paragraphs) {
            return new Section(key, title, List.copyOf(paragraphs), List.of(), List.of());
        }
    }

    /** Every blank of the document (open or filled), in the order they appear. */
    public List<Segment.Blank> blanks() {
        List<Segment.Blank> blanks = new ArrayList<>();
        for (Part part : parts) {
            for (Section section : part.sections()) {
                for (Paragraph paragraph : section.paragraphs()) {
                    paragraph.segments().stream().filter(Segment.Blank.class::isInstance).map(Segment.Blank.class::cast)
                            .forEach(blanks::add);
                }
            }
        }
        return blanks;
    }

    public Part part(String key) {
        return parts.stream().filter(part -> part.key().equals(key)).findFirst().orElseThrow();
    }

    /** What every page prints: the point in time, and the ledger position the document was computed from. */
    public String stamp() {
        return String.join("；", stampLines());
    }

    /** {@link #stamp()} as three lines: the point in time; the ledger position; the signed digest that covers it. */
    public List<String> stampLines() {
        String ledger = position.sequence() == 0 ? "账本位置：投影尚未应用任何事件"
                : "账本位置（投影已应用的最后事件，非签名摘要）：序号 " + position.sequence() + "，哈希 "
                + (position.hash() == null ? "（未记录）" : position.hash());
        return List.of("截至 " + asOf + "（业务日期），记录时点 " + knownAt, ledger, ledgerDigest.line());
    }
}
