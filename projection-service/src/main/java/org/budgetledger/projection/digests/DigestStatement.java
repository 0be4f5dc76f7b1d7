package org.budgetledger.projection.digests;

import java.util.List;

/**
 * What a table or a publication states of the ledger's signed digests (SPEC §15, §16): the smallest signed digest
 * that covers the events its figures were computed from, or, when the ledger has signed none that covers them yet,
 * that it has not (never a digest that does not cover the figures).
 *
 * @param digest the covering digest, or null when none covers yet
 */
public record DigestStatement(LedgerDigest digest) {

    /** Said when no signed digest covers the figures yet. */
    public static final String PENDING = "账本签名摘要：签名摘要尚未生成（账本定期签名摘要，间隔见其设置 budgetledger.integrity.digest-interval；"
            + "生成后重新下载即载明）";

    public boolean covered() {
        return digest != null;
    }

    /** One line for every page: the digest with its signature abbreviated, or {@link #PENDING}. */
    public String line() {
        if (digest == null) {
            return PENDING;
        }
        return "账本签名摘要：树大小 " + digest.treeSize() + "，根哈希 " + digest.rootHash() + "，记录时点 " + digest.recordedAt()
                + "，密钥 " + digest.keyId() + "，签名 " + digest.signatureAbbreviated();
    }

    /** A short line for a page footer (XLSX limits a footer to 255 characters): size, root and key abbreviated. */
    public String footer() {
        if (digest == null) {
            return "签名摘要尚未生成";
        }
        return "签名摘要 树大小 " + digest.treeSize() + " 根哈希 " + digest.rootHash().substring(0, 16) + "… 密钥 " + digest.keyId();
    }

    /** The whole digest, each field on its line, the signature in full: printed once (a colophon, the rows below a table). */
    public List<String> fullLines() {
        if (digest == null) {
            return List.of(PENDING);
        }
        return List.of("账本签名摘要（GET /api/v1/audit/digest 的字段，签名可用 GET /api/v1/audit/keys 的公钥验证）",
                "treeSize（树大小）：" + digest.treeSize(),
                "rootHash（根哈希）：" + digest.rootHash(),
                "recordedAt（记录时点）：" + digest.recordedAt(),
                "keyId（密钥）：" + digest.keyId(),
                "signature（Ed25519 签名，base64）：" + digest.signature());
    }
}
