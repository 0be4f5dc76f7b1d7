package org.budgetledger.projection.digests;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a page says of the ledger's signed digest (SPEC §15, §16): abbreviated on every page, whole once, or that none covers yet. */
class DigestStatementTest {

    private static final String ROOT = "ab".repeat(32);
    private static final String SIGNATURE = "QUJD".repeat(21) + "QQ==";
    private static final LedgerDigest DIGEST = new LedgerDigest(4711, ROOT, "2024-03-30T09:15:00.123456Z", SIGNATURE, "5d1c0e3f7a2b4c68");

    @Test
    void every_page_states_the_digest_with_its_signature_abbreviated_and_the_colophon_states_it_whole() {
        DigestStatement statement = new DigestStatement(DIGEST);

        assertThat(statement.covered()).isTrue();
        assertThat(statement.line()).isEqualTo("账本签名摘要：树大小 4711，根哈希 " + ROOT + "，记录时点 2024-03-30T09:15:00.123456Z，密钥 "
                + "5d1c0e3f7a2b4c68，签名 " + SIGNATURE.substring(0, 16) + "…");
        assertThat(statement.footer()).isEqualTo("签名摘要 树大小 4711 根哈希 abababababababab… 密钥 5d1c0e3f7a2b4c68")
                .hasSizeLessThan(255);
        assertThat(statement.fullLines()).contains("treeSize（树大小）：4711", "rootHash（根哈希）：" + ROOT,
                "recordedAt（记录时点）：2024-03-30T09:15:00.123456Z", "keyId（密钥）：5d1c0e3f7a2b4c68",
                "signature（Ed25519 签名，base64）：" + SIGNATURE);
    }

    @Test
    void without_a_covering_digest_it_says_none_is_signed_yet_and_prints_no_digest() {
        DigestStatement none = new DigestStatement(null);

        assertThat(none.covered()).isFalse();
        assertThat(none.line()).startsWith("账本签名摘要：签名摘要尚未生成").doesNotContain("树大小");
        assertThat(none.footer()).isEqualTo("签名摘要尚未生成");
        assertThat(none.fullLines()).containsExactly(none.line());
    }
}
