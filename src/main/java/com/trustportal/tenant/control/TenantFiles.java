package com.trustportal.tenant.control;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads and checks the files of a tenant folder. A tenant folder is written by people outside the
 * operator's team, so a file in it may be a symbolic link to another tenant's folder or to the
 * server's own files, or far larger than anything a tenant needs. Every path is resolved with its
 * links followed and must still lie inside the folder, and a file is measured before it is read.
 * Course files are read by the catalogue, after the scan has refused any folder with a link that
 * leads out ({@link #linksLeaving}).
 */
public final class TenantFiles {

  /** {@code tenant.yaml}: a complete file with a hundred demo accounts is about 20 KB. */
  public static final long MAX_CONFIG_BYTES = 256 * 1024;
  /** A logo file (shown in the page header and printed on certificates). */
  public static final long MAX_LOGO_BYTES = 512 * 1024;

  private TenantFiles() {}

  /** Why a file of a tenant folder is not used, in words its author can act on. */
  public static final class Refused extends Exception {

    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  /**
   * The real path of {@code file}, with every symbolic link followed, when it is a regular file inside
   * {@code folder}; refused otherwise (a link leading out, no such file, not a file).
   */
  static Path inside(Path folder, Path file) throws Refused, IOException {
    Path root = folder.toRealPath();
    Path real;
    try {
      real = file.toRealPath();
    } catch (NoSuchFileException e) {
      if (Files.isSymbolicLink(file)) {
        throw new Refused("is a symbolic link to nothing");
      }
      throw new Refused("does not exist");
    } catch (FileSystemException e) {
      // a loop of links, or a link that cannot be followed
      throw new Refused("is a symbolic link that cannot be followed");
    }
    if (!real.startsWith(root)) {
      throw new Refused("is a symbolic link that leads out of the tenant folder; put the file itself in the folder");
    }
    if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
      throw new Refused("is not a file");
    }
    return real;
  }

  /**
   * The bytes of {@code file} inside {@code folder}, measured before they are read: a file larger than
   * {@code limit} is refused with its size and the limit, without being read.
   */
  static byte[] read(Path folder, Path file, long limit) throws Refused, IOException {
    Path real = inside(folder, file);
    try (FileChannel channel = FileChannel.open(real, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      long size = channel.size();
      if (size > limit) {
        throw new Refused(tooLarge(size, limit));
      }
      // read at most limit + 1 bytes: a file that grows while it is read is still refused, never read whole
      ByteBuffer buffer = ByteBuffer.allocate((int) limit + 1);
      while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
        // until full or at the end of the file
      }
      if (buffer.position() > limit) {
        throw new Refused(tooLarge(buffer.position(), limit));
      }
      byte[] bytes = new byte[buffer.position()];
      buffer.flip().get(bytes);
      return bytes;
    }
  }

  /**
   * Opens, for serving, a file that was found inside its tenant folder at start-up ({@code real} is the
   * real path found then). Empty when the path now passes through a symbolic link, is no longer a file,
   * or has grown beyond {@code limit}: a file swapped for a link after start-up is not followed either.
   */
  public static Optional<FileChannel> reopen(Path real, long limit) throws IOException {
    try {
      if (!real.toRealPath().equals(real)) {
        return Optional.empty();
      }
      FileChannel channel = FileChannel.open(real, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
      if (channel.size() > limit) {
        channel.close();
        return Optional.empty();
      }
      return Optional.of(channel);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (FileSystemException e) {
      // O_NOFOLLOW on a link, or a loop of links
      return Optional.empty();
    }
  }

  /** The bytes of a file checked at start-up, on the terms of {@link #reopen}; empty when it may not be read. */
  public static Optional<byte[]> reread(Path real, long limit) throws IOException {
    Optional<FileChannel> opened = reopen(real, limit);
    if (opened.isEmpty()) {
      return Optional.empty();
    }
    try (FileChannel channel = opened.get()) {
      ByteBuffer buffer = ByteBuffer.allocate((int) channel.size());
      while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
        // until the measured size or the end of the file
      }
      return Optional.of(java.util.Arrays.copyOf(buffer.array(), buffer.position()));
    }
  }

  /**
   * Every symbolic link under {@code folder} that leads outside it (or nowhere), as a path relative to
   * the folder, with what is wrong. Links that stay inside the folder are fine: a Kubernetes ConfigMap
   * mounted as a tenant folder consists of such links.
   */
  static List<Link> linksLeaving(Path folder) throws IOException {
    Path root = folder.toRealPath();
    List<Link> found = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path path : (Iterable<Path>) walk::iterator) {
        if (!Files.isSymbolicLink(path)) {
          continue;
        }
        String relative = folder.relativize(path).toString().replace('\\', '/');
        try {
          if (!path.toRealPath().startsWith(root)) {
            found.add(new Link(relative, "is a symbolic link that leads out of the tenant folder; put the file itself in the folder"));
          }
        } catch (NoSuchFileException e) {
          found.add(new Link(relative, "is a symbolic link to nothing"));
        } catch (FileSystemException e) {
          found.add(new Link(relative, "is a symbolic link that cannot be followed"));
        }
      }
    }
    return found;
  }

  /** A symbolic link of a tenant folder that is refused: its path relative to the folder, and why. */
  record Link(String path, String problem) {}

  /** "12.00 MB (12,582,912 bytes); at most 256 KB (262,144 bytes)" style message. */
  static String tooLarge(long size, long limit) {
    return "is " + size(size) + "; at most " + size(limit) + " is accepted";
  }

  /**
   * A size people read at a glance, with the exact byte count so that sizes just over a limit differ
   * visibly: "5.05 MB (5,295,308 bytes)", "256 KB (262,144 bytes)". Whole units are written without
   * decimals only when they are exact.
   */
  public static String size(long bytes) {
    long[] units = {1L << 30, 1L << 20, 1L << 10};
    String[] names = {"GB", "MB", "KB"};
    for (int i = 0; i < units.length; i++) {
      if (bytes >= units[i]) {
        String rounded = bytes % units[i] == 0 ? Long.toString(bytes / units[i])
            : String.format(Locale.ROOT, i == 2 ? "%.1f" : "%.2f", (double) bytes / units[i]);
        return rounded + " " + names[i] + String.format(Locale.ROOT, " (%,d bytes)", bytes);
      }
    }
    return String.format(Locale.ROOT, "%,d bytes", bytes);
  }
}
