package com.trustportal.certificate.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeySealerTest {

  static final byte[] SEED = new byte[32];

  static {
    for (int i = 0; i < SEED.length; i++) {
      SEED[i] = (byte) i;
    }
  }

  @TempDir Path dir;

  @Test
  void sealedSeedsOpenOnlyForTheirTenantAndKey() {
    KeySealer sealer = KeySealer.of(new byte[32]);
    String sealed = sealer.seal(SEED, "acme");
    assertFalse(sealed.contains(Base64.getEncoder().encodeToString(SEED)));
    assertArrayEquals(SEED, sealer.open(sealed, "acme"));
    assertNotEquals(sealed, sealer.seal(SEED, "acme"), "a fresh nonce every time");
    IllegalStateException otherTenant = assertThrows(IllegalStateException.class, () -> sealer.open(sealed, "globex"));
    assertTrue(otherTenant.getMessage().contains("globex"));
    byte[] otherKek = new byte[32];
    otherKek[0] = 1;
    assertThrows(IllegalStateException.class, () -> KeySealer.of(otherKek).open(sealed, "acme"));
    byte[] bytes = Base64.getDecoder().decode(sealed);
    bytes[bytes.length - 1] ^= 1;
    assertThrows(IllegalStateException.class, () -> sealer.open(Base64.getEncoder().encodeToString(bytes), "acme"));
  }

  @Test
  void theKeyFileIsCreatedOnceOwnerOnlyAndReused() throws Exception {
    Path file = dir.resolve("secrets").resolve("signing.kek");
    String sealed = KeySealer.fromSettings(null, file).seal(SEED, "acme");
    assertTrue(Files.exists(file));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertArrayEquals(SEED, KeySealer.fromSettings("", file).open(sealed, "acme"), "a restart reads the same key");
  }

  @Test
  void aConfiguredKeyMustBe32BytesOfBase64() {
    String kek = Base64.getEncoder().encodeToString(new byte[32]);
    assertArrayEquals(SEED, KeySealer.fromSettings(kek, dir.resolve("unused")).open(
        KeySealer.of(new byte[32]).seal(SEED, "acme"), "acme"));
    assertFalse(Files.exists(dir.resolve("unused")));
    assertThrows(IllegalArgumentException.class, () -> KeySealer.fromSettings("not base64!", dir.resolve("x")));
    assertThrows(IllegalArgumentException.class,
        () -> KeySealer.fromSettings(Base64.getEncoder().encodeToString(new byte[16]), dir.resolve("x")));
  }
}
