package org.budgetledger.ledger.eventstore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue #16: the key file is readable by its owner only, from its first byte on, and kept so. */
class IntegrityKeyTest {

    @Test
    void a_new_key_file_is_created_owner_only_and_seals_as_the_same_key_read_again(@TempDir Path directory) throws IOException {
        Path keyFile = directory.resolve("keys").resolve("integrity.key");

        IntegrityKey created = new IntegrityKey("", keyFile);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(new IntegrityKey("", keyFile).seal("0".repeat(64))).isEqualTo(created.seal("0".repeat(64)));
    }

    @Test
    void a_key_file_others_could_read_is_made_owner_only_before_it_is_used(@TempDir Path directory) throws IOException {
        Path keyFile = directory.resolve("integrity.key");
        Files.writeString(keyFile, "dGVzdC1pbnRlZ3JpdHkta2V5LTMyLWJ5dGVzLWxvbmc=\n");
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));

        new IntegrityKey("", keyFile);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
    }
}
