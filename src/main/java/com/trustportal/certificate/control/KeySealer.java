package com.trustportal.certificate.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals tenants' private signing keys for storage in the database with AES-256-GCM under one
 * key-encryption key that lives outside the database and outside the tenant folders: a file
 * ({@code <data dir>/secrets/signing.kek}, created on first use, readable by the portal's user only)
 * or the {@code PORTAL_SIGNING_KEK} setting (32 bytes, base64). A database dump alone therefore
 * cannot sign. The tenant id is bound as associated data, so a sealed key copied to another tenant's
 * row does not open.
 */
public final class KeySealer {

  private static final int IV_BYTES = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec kek;

  private KeySealer(byte[] kek) {
    if (kek.length != 32) {
      throw new IllegalArgumentException("the signing key-encryption key must be 32 bytes, not " + kek.length);
    }
    this.kek = new SecretKeySpec(kek, "AES");
  }

  public static KeySealer of(byte[] kek) {
    return new KeySealer(kek.clone());
  }

  /** From the configured base64 value, or else from the file, creating it (owner-only) when missing. */
  public static KeySealer fromSettings(String configuredBase64, Path file) {
    if (configuredBase64 != null && !configuredBase64.isBlank()) {
      try {
        return new KeySealer(Base64.getDecoder().decode(configuredBase64.trim()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("PORTAL_SIGNING_KEK is not base64 of 32 bytes: " + e.getMessage());
      }
    }
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      return new KeySealer(Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the signing key-encryption key " + file, e);
    }
  }

  private static void create(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    Path temp = Files.createTempFile(file.getParent(), "kek", ".tmp");
    try {
      restrict(temp);
      Files.writeString(temp, Base64.getEncoder().encodeToString(key), StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.SYNC);
      try {
        // two nodes or threads creating it at once: the first file wins, the other keeps that one
        Files.createLink(file, temp);
      } catch (FileAlreadyExistsException raced) {
        // someone else's key is in place
      } catch (UnsupportedOperationException | IOException noLinks) {
        Files.move(temp, file);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void restrict(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // on file systems without POSIX permissions the data directory's own protection applies
    }
  }

  public String seal(byte[] secret, String tenant) {
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, kek, new GCMParameterSpec(128, iv));
      cipher.updateAAD(tenant.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(secret);
      return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal a signing key", e);
    }
  }

  /** The secret; fails when the value was sealed for another tenant, with another key, or altered. */
  public byte[] open(String sealed, String tenant) {
    Objects.requireNonNull(sealed);
    try {
      byte[] all = Base64.getDecoder().decode(sealed);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, kek, new GCMParameterSpec(128, all, 0, IV_BYTES));
      cipher.updateAAD(tenant.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("the signing key of tenant " + tenant
          + " cannot be opened: the key-encryption key changed or the stored key was altered");
    }
  }
}
