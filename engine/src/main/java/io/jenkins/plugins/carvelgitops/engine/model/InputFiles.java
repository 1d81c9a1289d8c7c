package io.jenkins.plugins.carvelgitops.engine.model;

import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Input files named by the user (config, Package, kubeconfig, token, secret values): regular files only,
 * and never more than a limit read. The type is taken from the file's attributes before it is opened, so
 * a device or FIFO is refused without a read that never ends; the limit bounds the bytes actually read,
 * not the size the file system reports. A symbolic link to a regular file is accepted (mounted Secrets
 * and ConfigMaps are links); what it points at must be a regular file too.
 */
public final class InputFiles {

    private InputFiles() {
    }

    /** The file's bytes; errors name it as {@code label} (and {@code field}, which may be empty). */
    public static byte[] read(Path file, String label, String field, int limit) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw ValidationException.of(label, field, "file not found", "check the path");
        } catch (IOException e) {
            throw ValidationException.of(label, field, "cannot be read (" + e.getClass().getSimpleName() + ")",
                    "check the path and its permissions");
        }
        if (attributes.isDirectory()) {
            throw ValidationException.of(label, field, "is a folder, not a file", "give the path of the file");
        }
        if (!attributes.isRegularFile()) {
            throw ValidationException.of(label, field, "is not a regular file (a device, FIFO or socket)",
                    "give a file saved on disk");
        }
        if (attributes.size() > limit) {
            throw tooLarge(label, field, "file is " + attributes.size() + " bytes", limit);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw tooLarge(label, field, "file is more than " + limit + " bytes", limit);
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw ValidationException.of(label, field, "file not found", "check the path");
        } catch (IOException e) {
            throw ValidationException.of(label, field, "cannot be read (" + e.getClass().getSimpleName() + ")",
                    "check the path and its permissions");
        }
    }

    private static ValidationException tooLarge(String label, String field, String what, int limit) {
        return ValidationException.of(label, field, what + ", larger than the " + limit + "-byte limit",
                "give the real file, not a generated or concatenated one");
    }
}
