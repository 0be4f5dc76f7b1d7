package org.budgetledger.ledger.evidence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The digests' Ed25519 key: created owner-only on first start and the same key afterwards; its public key listed with
 * an id that is its own fingerprint; rotated by moving the key file away, the old public key still listed and its
 * signatures still verifying; a key file whose halves do not belong together, or a list with a line that is no key,
 * stops the start instead of signing under a key nobody can check.
 */
class SigningKeysTest {

    private static final byte[] MESSAGE = "budget-ledger/digest/v1\n3\nab\n2023-01-10T02:00:00.000000Z".getBytes(StandardCharsets.US_ASCII);

    @Test
    void a_new_key_is_created_owner_only_listed_and_the_same_after_a_restart(@TempDir Path directory) throws Exception {
        Path keyFile = directory.resolve("keys").resolve("signing-key.pem");
        Path list = directory.resolve("keys").resolve("signing-keys.pub");

        SigningKeys first = new SigningKeys(keyFile, list);
        SigningKeys again = new SigningKeys(keyFile, list);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(again.current()).isEqualTo(first.current());
        assertThat(again.all()).containsExactly(first.current());
        byte[] raw = Base64.getDecoder().decode(first.current().publicKey());
        assertThat(raw).hasSize(32);
        assertThat(first.current().keyId()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw)).substring(0, 16));
        // a signature checks out with the JDK's Ed25519 and nothing of this class: the key as any X.509 reader takes it
        assertThat(verifiesWithJdk(raw, again.sign(MESSAGE))).isTrue();
        assertThat(SigningKeys.pem(first.current())).startsWith("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA");
    }

    @Test
    void rotation_keeps_the_old_public_key_and_its_signatures_verifiable(@TempDir Path directory) throws IOException {
        Path keyFile = directory.resolve("signing-key.pem");
        Path list = directory.resolve("signing-keys.pub");
        SigningKeys before = new SigningKeys(keyFile, list);
        String oldSignature = before.sign(MESSAGE);

        Files.move(keyFile, directory.resolve("signing-key.pem.retired"));
        SigningKeys after = new SigningKeys(keyFile, list);

        assertThat(after.current().keyId()).isNotEqualTo(before.current().keyId());
        assertThat(after.all()).containsExactly(before.current(), after.current());
        assertThat(after.verify(before.current().keyId(), MESSAGE, oldSignature)).contains(true);
        assertThat(after.verify(after.current().keyId(), MESSAGE, oldSignature)).contains(false);
        assertThat(after.verify("0000000000000000", MESSAGE, oldSignature)).isEmpty();
        assertThat(after.verify(before.current().keyId(), MESSAGE, "not base64!")).contains(false);
    }

    @Test
    void a_key_file_whose_public_key_is_another_s_stops_the_start(@TempDir Path directory) throws IOException {
        Path one = directory.resolve("one.pem");
        Path other = directory.resolve("other.pem");
        new SigningKeys(one, directory.resolve("one.pub"));
        new SigningKeys(other, directory.resolve("other.pub"));
        String privateHalf = Files.readString(one).substring(0, Files.readString(one).indexOf("-----BEGIN PUBLIC KEY-----"));
        String publicHalf = Files.readString(other).substring(Files.readString(other).indexOf("-----BEGIN PUBLIC KEY-----"));
        Path mixed = directory.resolve("mixed.pem");
        Files.writeString(mixed, privateHalf + publicHalf);

        assertThatThrownBy(() -> new SigningKeys(mixed, directory.resolve("mixed.pub")))
                .hasMessageContaining("is not the public key of its PRIVATE KEY");
    }

    @Test
    void a_list_with_a_line_that_is_no_key_stops_the_start(@TempDir Path directory) throws IOException {
        Path list = directory.resolve("signing-keys.pub");
        Files.write(list, List.of("# keys", "0123456789abcdef c2hvcnQ= 2023-01-01T00:00:00Z"));

        assertThatThrownBy(() -> new SigningKeys(directory.resolve("signing-key.pem"), list)).hasMessageContaining("not a line");
    }

    private static boolean verifiesWithJdk(byte[] raw, String signatureBase64) throws Exception {
        byte[] spki = new byte[44];
        System.arraycopy(HexFormat.of().parseHex("302a300506032b6570032100"), 0, spki, 0, 12);
        System.arraycopy(raw, 0, spki, 12, 32);
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki)));
        verifier.update(MESSAGE);
        return verifier.verify(Base64.getDecoder().decode(signatureBase64));
    }
}
