package dev.crumb.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/** Creates files that only their owner may read (mode 600), where the file system has POSIX permissions. */
final class SecretFiles {

    private SecretFiles() {
    }

    /**
     * Creates {@code file} holding {@code content}, readable by its owner only.
     *
     * @return {@code false} when the file exists already, for example because another instance of the
     *         demo created it first; the existing file is left as it is
     */
    static boolean createOwnerOnly(Path file, String content) throws IOException {
        FileAttribute<?>[] ownerOnly = file.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        try {
            Files.createFile(file, ownerOnly);
        } catch (FileAlreadyExistsException e) {
            return false;
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return true;
    }
}
