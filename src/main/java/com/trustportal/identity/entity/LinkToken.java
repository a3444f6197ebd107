package com.trustportal.identity.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret in a one-time link (an invitation, a password reset): 256 random bits, base64url without padding, so
 * it fits a query string as it is. Only its SHA-256 is stored; the token itself exists in the link alone, so a copy
 * of the database opens no link.
 */
public final class LinkToken {

  private static final SecureRandom RANDOM = new SecureRandom();
  /** Longer input is not a token of ours; refused before hashing. */
  public static final int MAX_LENGTH = 100;

  private LinkToken() {}

  /** A new token. */
  public static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The stored form: SHA-256 of the token, 64 hex digits. */
  public static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether {@code token} as it came from a link is worth looking up at all. */
  public static boolean plausible(String token) {
    return token != null && !token.isBlank() && token.strip().length() <= MAX_LENGTH;
  }
}
