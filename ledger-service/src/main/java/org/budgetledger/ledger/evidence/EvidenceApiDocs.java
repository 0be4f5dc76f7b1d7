package org.budgetledger.ledger.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import org.budgetledger.contracts.integrity.EventHash;
import org.budgetledger.contracts.integrity.MerkleFrontier;
import org.budgetledger.contracts.integrity.MerkleHash;
import org.budgetledger.contracts.integrity.MerkleNode;
import org.budgetledger.contracts.integrity.MerkleProofs;
import org.budgetledger.web.operations.ApiDescription;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.swagger.v3.oas.models.PathItem.HttpMethod.GET;

/**
 * Examples of SPEC §16's answers that are what they claim: a tree of three example events, its digest signed by a key
 * drawn for the examples alone (never the ledger's: an example signed with it would be a signed claim about a tree
 * that does not exist), and proofs that hold against that digest.
 */
@Component
class EvidenceApiDocs implements OpenApiCustomizer {

    private static final Instant RECORDED_AT = Instant.parse("2023-01-10T02:31:07.412953Z");

    private final ObjectMapper json;

    EvidenceApiDocs(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void customise(OpenAPI api) {
        List<byte[]> canonical = new ArrayList<>();
        String previous = EventHash.GENESIS;
        for (int n = 0; n < 3; n++) {
            byte[] payload = ("{\"transactionId\":\"p" + n + "\",\"unit\":\"430001\",\"year\":2023,\"amount\":\"1" + n + ".00\"}")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] bytes = EventHash.canonical(previous, "example-event-" + n, "430001:2023", n, "PaymentMade", RECORDED_AT, "p" + n, payload);
            canonical.add(bytes);
            previous = EventHash.ofCanonical(bytes);
        }
        Map<MerkleNode, byte[]> nodes = new HashMap<>();
        MerkleFrontier frontier = MerkleFrontier.empty();
        canonical.forEach(bytes -> frontier.append(MerkleHash.leaf(bytes), nodes::put));
        String rootHash = MerkleHash.hex(frontier.root());
        String recordedAt = EventHash.recordedAt(RECORDED_AT);
        KeyPair exampleKey = exampleKey();
        byte[] raw = java.util.Arrays.copyOfRange(exampleKey.getPublic().getEncoded(), 12, 44);
        String keyId = SigningKeys.keyId(raw);
        SignedDigest digest = new SignedDigest(3, rootHash, recordedAt,
                sign(exampleKey, SignedDigest.message(3, rootHash, recordedAt)), keyId, 3, previous, 3);
        SigningKeys.PublicKeyEntry key = new SigningKeys.PublicKeyEntry(keyId, Base64.getEncoder().encodeToString(raw), RECORDED_AT);
        new ApiDescription(api, json)
                .answer(GET, "/api/v1/audit/digest", "200", "a history of three events", digest)
                .answer(GET, "/api/v1/audit/keys", "200", "one key", Map.of("keys", List.of(new EvidenceController.PublicKey(keyId,
                        SigningKeys.ALGORITHM, key.publicKey(), SigningKeys.pem(key), RECORDED_AT.toString(), true))))
                .answer(GET, "/api/v1/audit/proofs/inclusion", "200", "the second event in the tree of three",
                        new Proofs.Inclusion("example-event-1", 2, 1, 3, MerkleHash.hex(MerkleHash.leaf(canonical.get(1))),
                                Base64.getEncoder().encodeToString(canonical.get(1)), hex(MerkleProofs.inclusion(1, 3), nodes)))
                .answer(GET, "/api/v1/audit/proofs/consistency", "200", "the tree of three extends the tree of two",
                        new Proofs.Consistency(2, 3, hex(MerkleProofs.consistency(2, 3), nodes)));
    }

    private static List<String> hex(List<MerkleProofs.Range> ranges, Map<MerkleNode, byte[]> nodes) {
        return ranges.stream().map(range -> MerkleHash.hex(MerkleProofs.hashOf(range, nodes::get))).toList();
    }

    private static KeyPair exampleKey() {
        try {
            return KeyPairGenerator.getInstance(SigningKeys.ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String sign(KeyPair key, byte[] message) {
        try {
            Signature signature = Signature.getInstance(SigningKeys.ALGORITHM);
            signature.initSign(key.getPrivate());
            signature.update(message);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
