package com.trustportal.tenant.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Files served from a tenant folder after start-up: only while they are still the file that was checked. */
class TenantFilesTest {

  @TempDir Path tenants;

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "5295308|5.05 MB (5,295,308 bytes)",
      "262144|256 KB (262,144 bytes)",
      "262145|256.0 KB (262,145 bytes)",
      "1536|1.5 KB (1,536 bytes)",
      "12582912|12 MB (12,582,912 bytes)",
      "700|700 bytes"})
  void sizesAreRoundedAndExact(long bytes, String shown) {
    assertEquals(shown, TenantFiles.size(bytes));
  }

  @Test
  void aCheckedFileIsServedWhileItIsUnchanged() throws IOException, TenantFiles.Refused {
    Path logo = Files.writeString(Files.createDirectories(tenants.resolve("acme")).resolve("logo.svg"), "<svg/>");
    Path real = TenantFiles.inside(tenants.resolve("acme"), logo);

    assertArrayEquals("<svg/>".getBytes(), TenantFiles.reread(real, 100).orElseThrow());
  }

  @Test
  void aFileSwappedForASymbolicLinkAfterTheCheckIsNotServed() throws IOException, TenantFiles.Refused {
    Path secret = Files.writeString(tenants.resolve("secret.txt"), "server secret");
    Path logo = Files.writeString(Files.createDirectories(tenants.resolve("acme")).resolve("logo.svg"), "<svg/>");
    Path real = TenantFiles.inside(tenants.resolve("acme"), logo);
    Files.delete(logo);
    Files.createSymbolicLink(logo, secret);

    assertTrue(TenantFiles.reread(real, 100).isEmpty());
    assertTrue(TenantFiles.reopen(real, 100).isEmpty());
  }

  @Test
  void aFolderOnTheWaySwappedForASymbolicLinkIsNotFollowed() throws IOException, TenantFiles.Refused {
    Path outside = Files.createDirectories(tenants.resolve("outside"));
    Files.writeString(outside.resolve("logo.svg"), "someone else's");
    Path images = Files.createDirectories(tenants.resolve("acme/images"));
    Path real = TenantFiles.inside(tenants.resolve("acme"), Files.writeString(images.resolve("logo.svg"), "<svg/>"));
    Files.delete(images.resolve("logo.svg"));
    Files.delete(images);
    Files.createSymbolicLink(images, outside);

    assertTrue(TenantFiles.reread(real, 100).isEmpty());
  }

  @Test
  void aFileThatGrewBeyondItsLimitAfterTheCheckIsNotServed() throws IOException, TenantFiles.Refused {
    Path logo = Files.writeString(Files.createDirectories(tenants.resolve("acme")).resolve("logo.svg"), "<svg/>");
    Path real = TenantFiles.inside(tenants.resolve("acme"), logo);
    Files.write(logo, new byte[101]);

    assertTrue(TenantFiles.reread(real, 100).isEmpty());
  }
}
