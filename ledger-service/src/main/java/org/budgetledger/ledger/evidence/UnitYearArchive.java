package org.budgetledger.ledger.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The archive of a unit-year (SPEC §16, 会计档案): one zip that needs nothing of the ledger to be checked, for the 30
 * years of retention. It holds the budget year's events as stored (their canonical bytes), each with its leaf and its
 * inclusion proof against one signed digest taken first; the digest, the public keys, the event schemas, a README
 * saying how it is checked, the verifier itself (docs/verify-history.py), and a manifest whose last line of defence is
 * the ledger's signature over what the archive holds: the unit, the year, the digest's tree size, the number of events
 * and the SHA-256 of their file — so that an archive cut short or padded is named, not only one changed.
 *
 * <p>Written as it is read, a page of {@value #PAGE} events at a time, their proofs' subtrees read in one statement a page.
 */
@Component
public class UnitYearArchive {

    public static final String FORMAT = "budget-ledger-archive/v1";
    /** The first line of the text the manifest's signature covers. */
    public static final String SIGNED_AS = "budget-ledger/archive/v1";
    static final int PAGE = 1000;

    private final StoredTree tree;
    private final Proofs proofs;
    private final Digests digests;
    private final SigningKeys keys;
    private final ObjectMapper json;

    UnitYearArchive(StoredTree tree, Proofs proofs, Digests digests, SigningKeys keys, ObjectMapper json) {
        this.tree = tree;
        this.proofs = proofs;
        this.digests = digests;
        this.keys = keys;
        this.json = json;
    }

    /** The text the manifest's signature covers (ASCII). */
    public static byte[] signedText(String unit, int year, long treeSize, long eventCount, String eventsSha256) {
        return String.join("\n", SIGNED_AS, unit, Integer.toString(year), Long.toString(treeSize), Long.toString(eventCount),
                eventsSha256).getBytes(StandardCharsets.US_ASCII);
    }

    /** Whether the unit-year has any event in the tree now. */
    public boolean hasEvents(String unit, int year) {
        return !tree.leavesOf(unit + ":" + year, -1, tree.size(), 1).isEmpty();
    }

    /** Writes the archive of the unit-year's events in the tree of the current digest. */
    public void write(String unit, int year, OutputStream out) throws IOException {
        SignedDigest digest = digests.current();
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry("events.jsonl"));
        MessageDigest sha256 = sha256();
        OutputStream events = new DigestOutputStream(new NonClosing(zip), sha256);
        long count = 0;
        long after = -1;
        while (true) {
            List<StoredTree.Leaf> page = tree.leavesOf(unit + ":" + year, after, digest.treeSize(), PAGE);
            if (page.isEmpty()) {
                break;
            }
            List<Proofs.Inclusion> inclusions = proofs.inclusions(page, digest.treeSize());
            for (int n = 0; n < page.size(); n++) {
                events.write(line(page.get(n), inclusions.get(n)));
            }
            count += page.size();
            after = aggregateSequence(page.get(page.size() - 1).canonical());
        }
        zip.closeEntry();
        String eventsSha256 = HexFormat.of().formatHex(sha256.digest());
        entry(zip, "digest.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(digest));
        entry(zip, "keys.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(Map.of("keys", keys.all())));
        entry(zip, "manifest.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest(unit, year, digest, count, eventsSha256)));
        for (Resource schema : new PathMatchingResourcePatternResolver().getResources("classpath*:schemas/events/*.schema.json")) {
            try (InputStream in = schema.getInputStream()) {
                entry(zip, "schemas/" + schema.getFilename(), in.readAllBytes());
            }
        }
        entry(zip, "README.md", ArchiveReadme.text(unit, year, digest, count).getBytes(StandardCharsets.UTF_8));
        try (InputStream verifier = getClass().getResourceAsStream("/evidence/verify-history.py")) {
            if (verifier != null) {
                entry(zip, "verify-history.py", verifier.readAllBytes());
            }
        }
        zip.finish();
    }

    private ObjectNode manifest(String unit, int year, SignedDigest digest, long count, String eventsSha256) {
        ObjectNode manifest = json.createObjectNode();
        manifest.put("format", FORMAT);
        manifest.put("unit", unit);
        manifest.put("year", year);
        manifest.put("createdAt", Instant.now().toString());
        manifest.put("digest", "digest.json");
        manifest.put("events", "events.jsonl");
        manifest.put("eventCount", count);
        manifest.put("eventsSha256", eventsSha256);
        manifest.put("keys", "keys.json");
        manifest.put("schemas", "schemas/");
        manifest.put("readme", "README.md");
        manifest.put("verifier", "verify-history.py");
        manifest.put("treeSize", digest.treeSize());
        manifest.put("keyId", keys.current().keyId());
        manifest.put("signature", keys.sign(signedText(unit, year, digest.treeSize(), count, eventsSha256)));
        return manifest;
    }

    private byte[] line(StoredTree.Leaf leaf, Proofs.Inclusion proof) throws IOException {
        ObjectNode line = json.createObjectNode();
        line.put("sequence", leaf.sequence());
        line.put("eventId", leaf.eventId());
        line.put("leafIndex", leaf.position());
        line.put("hash", leaf.hash());
        line.put("leafHash", proof.leafHash());
        line.put("stored", proof.stored());
        line.set("auditPath", json.valueToTree(proof.auditPath()));
        byte[] bytes = json.writeValueAsBytes(line);
        byte[] withNewline = Arrays.copyOf(bytes, bytes.length + 1);
        withNewline[bytes.length] = '\n';
        return withNewline;
    }

    /** The event's position in its budget year: the fifth line of its canonical bytes. */
    private static long aggregateSequence(byte[] canonical) {
        String[] header = new String(canonical, StandardCharsets.UTF_8).split("\n", 6);
        return Long.parseLong(header[4]);
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The zip's entry as a stream that the digesting stream may not close. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() {
            // the zip entry is closed by the archive
        }
    }
}
