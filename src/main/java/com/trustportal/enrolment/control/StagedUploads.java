package com.trustportal.enrolment.control;

import com.trustportal.platform.Settings;
import com.trustportal.tenant.control.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Uploaded files waiting for the admin's confirmation, kept on disk under the data directory
 * ({@code uploads/<tenant>/<id>.csv}) rather than in the session, so a session holds only the random id. An id is
 * 128 random bits: it cannot be guessed, and it names a file of the current tenant only. Files are deleted after the
 * import, when the page's view ends, and in any case {@link #KEEP} after they were staged (swept on every stage).
 */
@ApplicationScoped
public class StagedUploads {

  /** How long a staged file waits for its import at most. */
  public static final Duration KEEP = Duration.ofHours(2);

  private static final Logger LOG = Logger.getLogger("portal");
  private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
  private static final SecureRandom RANDOM = new SecureRandom();

  Path root;
  Clock clock = Clock.systemUTC();

  /**
   * Stores at most {@code max} bytes of {@code in} for the current tenant and returns the file's id; a longer
   * stream is cut at {@code max + 1} bytes so the parser can still tell that it was too long.
   */
  public String stage(InputStream in, int max) throws IOException {
    sweep();
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    String id = HexFormat.of().formatHex(random);
    Path file = file(id).orElseThrow();
    Files.createDirectories(file.getParent());
    Path partial = file.resolveSibling(id + ".part");
    try (InputStream limited = new LimitedStream(in, max + 1L)) {
      Files.copy(limited, partial, StandardCopyOption.REPLACE_EXISTING);
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
    return id;
  }

  /** The staged file's bytes, or empty when there is none (expired, imported, another tenant's or a bad id). */
  public Optional<byte[]> read(String id) {
    Optional<Path> file = file(id).filter(Files::isRegularFile);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readAllBytes(file.get()));
    } catch (java.nio.file.NoSuchFileException gone) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the staged upload " + id, e);
    }
  }

  /**
   * Deletes the staged file, if it is there. Needs no tenant: a view can end when its session expires, outside
   * any request, and an id is unguessable and names one file only.
   */
  public void delete(String id) {
    if (id == null || !ID.matcher(id).matches() || !Files.isDirectory(root())) {
      return;
    }
    try (Stream<Path> tenants = Files.list(root())) {
      for (Path tenant : tenants.toList()) {
        Files.deleteIfExists(tenant.resolve(id + ".csv"));
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.warning("Cannot delete the staged upload " + id + ": " + e);
    }
  }

  /** Deletes every tenant's staged files older than {@link #KEEP}. */
  public void sweep() {
    Path root = root();
    if (!Files.isDirectory(root)) {
      return;
    }
    Instant before = clock.instant().minus(KEEP);
    try (Stream<Path> files = Files.walk(root, 2)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (Files.getLastModifiedTime(f).toInstant().isBefore(before)) {
          Files.deleteIfExists(f);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.warning("Cannot sweep staged uploads in " + root + ": " + e);
    }
  }

  /** The file an id names for the current tenant; empty for anything that is not a well-formed id. */
  private Optional<Path> file(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      return Optional.empty();
    }
    return Optional.of(root().resolve(TenantContext.require()).resolve(id + ".csv"));
  }

  private Path root() {
    if (root == null) {
      root = Settings.dataDir().resolve("uploads");
    }
    return root;
  }

  /** Stops after {@code limit} bytes. */
  private static final class LimitedStream extends java.io.FilterInputStream {

    private long left;

    LimitedStream(InputStream in, long limit) {
      super(in);
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = super.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = super.read(buffer, offset, (int) Math.min(length, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }
  }
}
