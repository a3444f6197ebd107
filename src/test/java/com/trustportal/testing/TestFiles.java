package com.trustportal.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** File trees for tests: copies of shipped folders (tenants, courses) to change, and their removal. */
public final class TestFiles {

  private TestFiles() {}

  /** Copies the folder {@code from} with everything in it to {@code to} (created; files already there are replaced). */
  public static Path copyTree(Path from, Path to) {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : paths.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException("copying " + from + " to " + to, e);
    }
  }

  /** Deletes {@code dir} and everything in it, if it exists. */
  public static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("deleting " + dir, e);
    }
  }
}
