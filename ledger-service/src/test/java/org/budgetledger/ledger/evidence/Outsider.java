package org.budgetledger.ledger.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import org.budgetledger.testing.HttpApi;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * What an auditor computes on their own from the ledger's answers, with none of the ledger's code: the leaves from the
 * audit history (SHA-256(0x00 ‖ canonical bytes), the bytes put together as README's "Tamper evidence" describes),
 * RFC 6962's MTH by its recursion, and Ed25519 checks with the JDK alone.
 */
public final class Outsider {

    private static final DateTimeFormatter SIX_DECIMALS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** The whole history as the audit endpoint answers it, in sequence order. */
    public record History(List<JsonNode> events, List<byte[]> leaves) {
    }

    private Outsider() {
    }

    public static History history(HttpApi api) {
        List<JsonNode> events = new ArrayList<>();
        List<byte[]> leaves = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode page = api.get("/api/v1/audit/events?limit=1000&afterSequence=" + after).body().path("events");
            if (page.isEmpty()) {
                return new History(events, leaves);
            }
            for (JsonNode event : page) {
                events.add(event);
                leaves.add(sha256(new byte[]{0}, canonical(event)));
                after = event.path("sequence").asLong();
            }
        }
    }

    /** The canonical bytes of an event of the audit history's answer. */
    public static byte[] canonical(JsonNode event) {
        String header = String.join("\n", "budget-ledger-event-v1", event.path("previousHash").asText(), event.path("eventId").asText(),
                event.path("aggregateId").asText(), event.path("aggregateSequence").asText(), event.path("type").asText(),
                SIX_DECIMALS.format(Instant.parse(event.path("recordedAt").asText())),
                event.path("transactionId").isNull() ? "" : event.path("transactionId").asText()) + "\n";
        byte[] head = header.getBytes(StandardCharsets.UTF_8);
        byte[] payload = event.path("payload").toString().getBytes(StandardCharsets.UTF_8);
        byte[] canonical = new byte[head.length + payload.length];
        System.arraycopy(head, 0, canonical, 0, head.length);
        System.arraycopy(payload, 0, canonical, head.length, payload.length);
        return canonical;
    }

    /** RFC 6962 §2.1's MTH over leaves[start, end), by its recursion. */
    public static byte[] mth(List<byte[]> leaves, int start, int end) {
        if (end == start) {
            return sha256();
        }
        if (end - start == 1) {
            return leaves.get(start);
        }
        int k = split(end - start);
        return sha256(new byte[]{1}, mth(leaves, start, start + k), mth(leaves, start + k, end));
    }

    /** RFC 6962 §2.1.1's PATH(m, D[start:end]), by its recursion. */
    public static List<byte[]> path(List<byte[]> leaves, int m, int start, int end) {
        List<byte[]> path = new ArrayList<>();
        if (end - start <= 1) {
            return path;
        }
        int k = split(end - start);
        if (m - start < k) {
            path.addAll(path(leaves, m, start, start + k));
            path.add(mth(leaves, start + k, end));
        } else {
            path.addAll(path(leaves, m, start + k, end));
            path.add(mth(leaves, start, start + k));
        }
        return path;
    }

    /** RFC 6962 §2.1.2's PROOF(m, D[0:n]), by its recursion (SUBPROOF). */
    public static List<byte[]> proof(List<byte[]> leaves, int m, int n) {
        return m == 0 || m == n ? List.of() : subproof(leaves, m, 0, n, true);
    }

    private static List<byte[]> subproof(List<byte[]> leaves, int m, int start, int end, boolean whole) {
        List<byte[]> proof = new ArrayList<>();
        if (m == end - start) {
            if (!whole) {
                proof.add(mth(leaves, start, end));
            }
            return proof;
        }
        int k = split(end - start);
        if (m <= k) {
            proof.addAll(subproof(leaves, m, start, start + k, whole));
            proof.add(mth(leaves, start + k, end));
        } else {
            proof.addAll(subproof(leaves, m - k, start + k, end, false));
            proof.add(mth(leaves, start, start + k));
        }
        return proof;
    }

    private static int split(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    public static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(Outsider::hex).toList();
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** Whether the digest's signature holds under the raw Ed25519 public key (base64 of 32 bytes), with the JDK alone. */
    public static boolean signatureHolds(JsonNode digest, String publicKeyBase64) {
        try {
            byte[] spki = new byte[44];
            System.arraycopy(HexFormat.of().parseHex("302a300506032b6570032100"), 0, spki, 0, 12);
            System.arraycopy(Base64.getDecoder().decode(publicKeyBase64), 0, spki, 12, 32);
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki)));
            verifier.update(("budget-ledger/digest/v1\n" + digest.path("treeSize").asLong() + "\n" + digest.path("rootHash").asText()
                    + "\n" + digest.path("recordedAt").asText()).getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(Base64.getDecoder().decode(digest.path("signature").asText()));
        } catch (java.security.GeneralSecurityException | IllegalArgumentException broken) {
            return false;
        }
    }

    public static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                sha256.update(part);
            }
            return sha256.digest();
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
