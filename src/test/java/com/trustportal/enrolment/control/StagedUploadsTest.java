package com.trustportal.enrolment.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.tenant.control.TenantContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads wait on disk under a random id, for their own tenant only, and not for ever. */
class StagedUploadsTest {

  @TempDir Path dir;

  private final byte[] csv = "email,first name\nann@acme.example,Ann\n".getBytes(StandardCharsets.UTF_8);

  private StagedUploads uploads() {
    StagedUploads uploads = new StagedUploads();
    uploads.root = dir;
    return uploads;
  }

  @Test
  void aStagedFileIsReadBackByItsIdAndGoneOnceDeleted() {
    StagedUploads uploads = uploads();
    String id = TenantContext.callAsUnchecked("acme", () -> stage(uploads, csv, 1000));
    assertTrue(id.matches("[0-9a-f]{32}"), id);
    assertArrayEquals(csv, TenantContext.callAsUnchecked("acme", () -> uploads.read(id)).orElseThrow());
    uploads.delete(id);
    assertEquals(Optional.empty(), TenantContext.callAsUnchecked("acme", () -> uploads.read(id)));
  }

  @Test
  void anotherTenantCannotReadTheFileAndMalformedIdsNameNothing() {
    StagedUploads uploads = uploads();
    String id = TenantContext.callAsUnchecked("acme", () -> stage(uploads, csv, 1000));
    assertTrue(TenantContext.callAsUnchecked("globex", () -> uploads.read(id)).isEmpty());
    for (String bad : new String[] {null, "", "../acme/" + id, id + "/..", id.toUpperCase(), "x".repeat(32)}) {
      assertTrue(TenantContext.callAsUnchecked("acme", () -> uploads.read(bad)).isEmpty(), String.valueOf(bad));
    }
  }

  @Test
  void aFileLongerThanTheLimitIsCutJustAfterItSoTheParserStillSeesThatItIsTooLong() {
    StagedUploads uploads = uploads();
    String id = TenantContext.callAsUnchecked("acme", () -> stage(uploads, csv, 10));
    assertEquals(11, TenantContext.callAsUnchecked("acme", () -> uploads.read(id)).orElseThrow().length);
  }

  @Test
  void filesOlderThanTheKeepingTimeAreSweptAndNewerOnesKept() throws IOException {
    StagedUploads uploads = uploads();
    String old = TenantContext.callAsUnchecked("acme", () -> stage(uploads, csv, 1000));
    String fresh = TenantContext.callAsUnchecked("acme", () -> stage(uploads, csv, 1000));
    Instant now = Instant.parse("2026-12-07T12:00:00Z");
    uploads.clock = Clock.fixed(now, ZoneOffset.UTC);
    Files.setLastModifiedTime(dir.resolve("acme").resolve(old + ".csv"),
        FileTime.from(now.minus(StagedUploads.KEEP).minusSeconds(1)));
    Files.setLastModifiedTime(dir.resolve("acme").resolve(fresh + ".csv"), FileTime.from(now.minusSeconds(60)));

    uploads.sweep();

    assertTrue(TenantContext.callAsUnchecked("acme", () -> uploads.read(old)).isEmpty());
    assertFalse(TenantContext.callAsUnchecked("acme", () -> uploads.read(fresh)).isEmpty());
    try (Stream<Path> left = Files.list(dir.resolve("acme"))) {
      assertEquals(1, left.count(), "no partial or stale file is left behind");
    }
  }

  private static String stage(StagedUploads uploads, byte[] bytes, int max) {
    try {
      return uploads.stage(new ByteArrayInputStream(bytes), max);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
