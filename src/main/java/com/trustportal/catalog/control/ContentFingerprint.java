package com.trustportal.catalog.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A SHA-256 over every file of a course folder (relative names and contents, in name order), so that any change to the
 * content, even one the author forgot to mark with a new version number, yields a different fingerprint. Renaming
 * or moving the folder itself does not change it.
 */
final class ContentFingerprint {

    private ContentFingerprint() {}

    static String of(Path courseDir) {
        MessageDigest digest = sha256();
        try (Stream<Path> walk = Files.walk(courseDir)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .sorted((a, b) -> relativeName(courseDir, a).compareTo(relativeName(courseDir, b)))
                    .toList();
            for (Path file : files) {
                byte[] name = relativeName(courseDir, file).getBytes(StandardCharsets.UTF_8);
                byte[] content = Files.readAllBytes(file);
                // Lengths keep "a"+"bc" and "ab"+"c" apart.
                digest.update(longBytes(name.length));
                digest.update(name);
                digest.update(longBytes(content.length));
                digest.update(content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fingerprint " + courseDir, e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String relativeName(Path courseDir, Path file) {
        StringBuilder name = new StringBuilder();
        for (Path part : courseDir.relativize(file)) {
            name.append(name.length() == 0 ? "" : "/").append(part);
        }
        return name.toString();
    }

    private static byte[] longBytes(long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
