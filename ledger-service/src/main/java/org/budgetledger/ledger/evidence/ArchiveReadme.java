package org.budgetledger.ledger.evidence;

/** The README of an archive of a unit-year ({@link UnitYearArchive}): what it holds and how anyone checks it, without the ledger. */
final class ArchiveReadme {

    private ArchiveReadme() {
    }

    static String text(String unit, int year, SignedDigest digest, long events) {
        return """
                # Budget Ledger archive of unit %1$s, budget year %2$d (会计档案)

                The %3$d events of budget year %2$d of unit %1$s exactly as the ledger stored them, with the proof that
                each of them is in the ledger's history as its signed digest of %4$d events (root %5$s, recorded at %6$s,
                key %7$s) states it. Everything needed to check it is in this file or in this README; the ledger is not.

                ## Files

                - `manifest.json`: format `%8$s`; the unit, year, number of events, SHA-256 of `events.jsonl`, the
                  digest's tree size, and the ledger's Ed25519 signature (key `keyId`) over the ASCII text
                  `budget-ledger/archive/v1\\n{unit}\\n{year}\\n{treeSize}\\n{eventCount}\\n{eventsSha256}`: the archive is
                  complete and unchanged as the ledger wrote it.
                - `digest.json`: the signed digest (SPEC §16): `treeSize`, `rootHash`, `recordedAt`, `signature` (Ed25519,
                  base64) over the ASCII text `budget-ledger/digest/v1\\n{treeSize}\\n{rootHash}\\n{recordedAt}`, `keyId`.
                - `events.jsonl`: one event a line, in the order of the budget year: `sequence` (its place in the ledger),
                  `eventId`, `leafIndex` (its leaf in the digest's tree, from 0), `hash` (its hash-chain link),
                  `leafHash`, `stored` and `auditPath` (hex hashes, RFC 6962).
                - `stored` (base64) is the event's canonical bytes: the UTF-8 lines `budget-ledger-event-v1`, the hash of
                  the event before it in the ledger, the event id, `{unit}:{year}`, the event's number in its budget year
                  (from 0), its type, its recording instant (UTC, six decimals), its transaction id, each followed by a
                  line feed, then the event's JSON exactly as stored (amounts are strings in 元; its fields are described
                  by `schemas/{type}.schema.json`).
                - `keys.json`: the ledger's public keys when the archive was made (for reading; check against keys you
                  obtained from the ledger yourself, never against these alone).
                - `verify-history.py`: the verifier (Python 3, standard library only).

                ## Checking it

                    python3 verify-history.py archive THIS.zip --public-key KEYS

                where KEYS are the ledger's public keys as you keep them (the answer of GET /api/v1/audit/keys, or the
                ledger's signing-keys.pub). It exits 0 only when all of the following hold, and names what does not:

                1. The digest's signature holds under the key `keyId` (Ed25519, RFC 8032).
                2. The manifest's signature holds, and `events.jsonl` has the SHA-256 and the number of events it states.
                3. For every event: SHA-256(stored) is its `hash`; SHA-256(0x00 ‖ stored) is its `leafHash`; the audit
                   path from it leads to the digest's `rootHash` for leaf `leafIndex` in a tree of `treeSize` leaves
                   (RFC 9162 §2.1.3.2, with node hash SHA-256(0x01 ‖ left ‖ right)); it is of `%1$s:%2$d`; the events
                   are numbered 0, 1, 2… in their budget year without a gap, and their leaves increase.
                4. Every type of event has its schema.

                Any implementation of these steps will do: the algorithms are those of RFC 8032, RFC 6962 and RFC 9162.
                A later digest of the ledger proves this one's history was kept: GET
                /api/v1/audit/proofs/consistency?from=%4$d&to=… and `verify-history.py consistency`.
                """.formatted(unit, year, events, digest.treeSize(), digest.rootHash(), digest.recordedAt(), digest.keyId(),
                UnitYearArchive.FORMAT);
    }
}
