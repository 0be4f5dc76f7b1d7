package org.budgetledger.contracts.integrity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * A secret kept in a file that only its owner may read (rw-------): the ledger's sealing key, the generated
 * passwords of the embedded PostgreSQL. On a file system without POSIX permissions the file system decides.
 */
public final class SecretFile {

    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SecretFile() {
    }

    /**
     * Writes the text to the file, replacing it atomically. The new content is written to a file created
     * owner-only, never to one that was readable by others even for a moment, then moved into place.
     */
    public static void write(Path file, String text) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path fresh = posix()
                ? Files.createTempFile(directory, file.getFileName().toString(), ".new", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(directory, file.getFileName().toString(), ".new");
        try {
            Files.writeString(fresh, text, StandardCharsets.UTF_8);
            Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(fresh);
        }
    }

    /**
     * Takes the rights of the file's group and of others away from an existing file.
     *
     * @return whether it had any (the caller says so: the secret may have been read)
     */
    public static boolean restrictToOwner(Path file) throws IOException {
        if (!posix()) {
            return false;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        Set<PosixFilePermission> owners = EnumSet.copyOf(permissions);
        owners.retainAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE));
        if (owners.equals(permissions)) {
            return false;
        }
        Files.setPosixFilePermissions(file, owners);
        return true;
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
