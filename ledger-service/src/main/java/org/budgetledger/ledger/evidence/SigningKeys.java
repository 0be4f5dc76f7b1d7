package org.budgetledger.ledger.evidence;

import org.budgetledger.contracts.integrity.SecretFile;
import org.budgetledger.ledger.settings.LedgerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Ed25519 key that signs the ledger's digests (SPEC §16), with the JDK's own implementation, and every public key
 * it has signed with. The key is {@code budgetledger.integrity.signing-key-file} (PEM: the private key, PKCS#8, and its
 * public key), kept outside the database and created owner-only when missing. Every public key ever used is a line
 * of {@code budgetledger.integrity.public-keys-file} ({@code keyId base64-of-the-32-raw-bytes since}); the current
 * one is added at start when missing, none is ever removed: rotating the key is moving the key file away and
 * starting again, and digests signed before still verify under the listed keys. A key's id is the first 16 hex
 * digits of SHA-256 of its 32 raw bytes, so that it names the key itself.
 */
@Component
public class SigningKeys {

    public static final String ALGORITHM = "Ed25519";
    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410), before the 32 raw bytes. */
    private static final byte[] PUBLIC_KEY_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    /** A public key of the ledger: {@code publicKey} is base64 of its 32 raw bytes. */
    public record PublicKeyEntry(String keyId, String publicKey, Instant since) {
    }

    private final PrivateKey privateKey;
    private final PublicKeyEntry current;
    private final List<PublicKeyEntry> all;

    @Autowired
    SigningKeys(LedgerSettings settings) {
        this(settings.integrity().signingKeyFile(), settings.integrity().publicKeysFile());
    }

    SigningKeys(Path keyFile, Path publicKeysFile) {
        KeyPair pair = loadOrCreate(keyFile);
        this.privateKey = pair.getPrivate();
        byte[] raw = raw(pair.getPublic());
        String keyId = keyId(raw);
        List<PublicKeyEntry> listed = readList(publicKeysFile);
        Optional<PublicKeyEntry> found = listed.stream().filter(entry -> entry.keyId().equals(keyId)).findFirst();
        if (found.isEmpty()) {
            PublicKeyEntry entry = new PublicKeyEntry(keyId, Base64.getEncoder().encodeToString(raw), Instant.now());
            append(publicKeysFile, entry);
            listed = new ArrayList<>(listed);
            listed.add(entry);
            log.info("event=signing_key_listed key_id={} path={} keys={}", keyId, publicKeysFile.toAbsolutePath(), listed.size());
            found = Optional.of(entry);
        }
        this.current = found.get();
        this.all = List.copyOf(listed);
    }

    /** The key digests are signed with now. */
    public PublicKeyEntry current() {
        return current;
    }

    /** Every key the ledger has signed with, oldest first. */
    public List<PublicKeyEntry> all() {
        return all;
    }

    /** Base64 of the Ed25519 signature of {@code message} under the current key. */
    public String sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(message);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Whether {@code signatureBase64} is a signature of {@code message} under the listed key {@code keyId}; empty for an unknown key. */
    public Optional<Boolean> verify(String keyId, byte[] message, String signatureBase64) {
        Optional<PublicKeyEntry> key = all.stream().filter(entry -> entry.keyId().equals(keyId)).findFirst();
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(publicKey(Base64.getDecoder().decode(key.get().publicKey())));
            signature.update(message);
            return Optional.of(signature.verify(Base64.getDecoder().decode(signatureBase64)));
        } catch (IllegalArgumentException | GeneralSecurityException notASignature) {
            return Optional.of(false);
        }
    }

    /** The public key as PEM (SubjectPublicKeyInfo), as OpenSSL writes it. */
    public static String pem(PublicKeyEntry key) {
        byte[] der = concat(PUBLIC_KEY_PREFIX, Base64.getDecoder().decode(key.publicKey()));
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n";
    }

    static String keyId(byte[] rawPublicKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(rawPublicKey)).substring(0, 16);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static KeyPair loadOrCreate(Path keyFile) {
        try {
            if (Files.exists(keyFile)) {
                if (SecretFile.restrictToOwner(keyFile)) {
                    log.warn("event=signing_key_permissions_restricted path={} note=\"others could read the key: it is now owner-only; "
                            + "if it may have been copied, rotate it (docs/OPERATIONS.md)\"", keyFile.toAbsolutePath());
                }
                return read(keyFile);
            }
            KeyPair fresh = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            SecretFile.write(keyFile, pem("PRIVATE KEY", fresh.getPrivate().getEncoded()) + pem("PUBLIC KEY", fresh.getPublic().getEncoded()));
            log.warn("event=signing_key_created path={} key_id={} note=\"keep it outside the database and back it up\"",
                    keyFile.toAbsolutePath(), keyId(raw(fresh.getPublic())));
            return fresh;
        } catch (IOException failed) {
            throw new UncheckedIOException("could not read or create the signing key " + keyFile, failed);
        } catch (GeneralSecurityException failed) {
            throw new IllegalStateException("could not read or create the signing key " + keyFile + ": " + failed.getMessage(), failed);
        }
    }

    private static KeyPair read(Path keyFile) throws IOException, GeneralSecurityException {
        Matcher blocks = PEM.matcher(Files.readString(keyFile, StandardCharsets.US_ASCII));
        PrivateKey privateKey = null;
        PublicKey publicKey = null;
        KeyFactory keys = KeyFactory.getInstance(ALGORITHM);
        while (blocks.find()) {
            byte[] der = Base64.getMimeDecoder().decode(blocks.group(2));
            switch (blocks.group(1)) {
                case "PRIVATE KEY" -> privateKey = keys.generatePrivate(new PKCS8EncodedKeySpec(der));
                case "PUBLIC KEY" -> publicKey = keys.generatePublic(new X509EncodedKeySpec(der));
                default -> throw new IllegalStateException(keyFile + " holds a PEM block " + blocks.group(1) + ", not an Ed25519 key");
            }
        }
        if (privateKey == null || publicKey == null) {
            throw new IllegalStateException(keyFile + " must hold an Ed25519 PRIVATE KEY and its PUBLIC KEY (PEM)");
        }
        // the two must belong together: a digest must verify under the key the keys list shows
        byte[] probe = "budget-ledger/key-check".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(ALGORITHM);
        signer.initSign(privateKey);
        signer.update(probe);
        Signature verifier = Signature.getInstance(ALGORITHM);
        verifier.initVerify(publicKey);
        verifier.update(probe);
        if (!verifier.verify(signer.sign())) {
            throw new IllegalStateException(keyFile + ": its PUBLIC KEY is not the public key of its PRIVATE KEY");
        }
        return new KeyPair(publicKey, privateKey);
    }

    private static List<PublicKeyEntry> readList(Path publicKeysFile) {
        if (!Files.exists(publicKeysFile)) {
            return List.of();
        }
        try {
            List<PublicKeyEntry> entries = new ArrayList<>();
            for (String line : Files.readAllLines(publicKeysFile, StandardCharsets.US_ASCII)) {
                String content = line.strip();
                if (content.isEmpty() || content.startsWith("#")) {
                    continue;
                }
                String[] fields = content.split("\\s+");
                if (fields.length != 3 || Base64.getDecoder().decode(fields[1]).length != 32
                        || !keyId(Base64.getDecoder().decode(fields[1])).equals(fields[0])) {
                    throw new IllegalStateException(publicKeysFile + ": not a line 'keyId base64-of-32-bytes since': " + content);
                }
                entries.add(new PublicKeyEntry(fields[0], fields[1], Instant.parse(fields[2])));
            }
            return entries;
        } catch (IOException failed) {
            throw new UncheckedIOException("could not read the public keys " + publicKeysFile, failed);
        }
    }

    private static void append(Path publicKeysFile, PublicKeyEntry entry) {
        try {
            Path directory = publicKeysFile.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            String header = Files.exists(publicKeysFile) ? ""
                    : "# The Ed25519 public keys of this ledger's digests (keyId, the 32 raw bytes in base64, in use since). Never remove a line.\n";
            Files.writeString(publicKeysFile, header + entry.keyId() + " " + entry.publicKey() + " " + entry.since() + "\n",
                    StandardCharsets.US_ASCII, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException failed) {
            throw new UncheckedIOException("could not add the signing key to " + publicKeysFile, failed);
        }
    }

    private static byte[] raw(PublicKey key) {
        byte[] der = key.getEncoded();
        if (der.length != PUBLIC_KEY_PREFIX.length + 32 || !Arrays.equals(der, 0, PUBLIC_KEY_PREFIX.length, PUBLIC_KEY_PREFIX, 0,
                PUBLIC_KEY_PREFIX.length)) {
            throw new IllegalStateException("not an Ed25519 public key");
        }
        return Arrays.copyOfRange(der, PUBLIC_KEY_PREFIX.length, der.length);
    }

    private static PublicKey publicKey(byte[] raw) throws GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(concat(PUBLIC_KEY_PREFIX, raw)));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
