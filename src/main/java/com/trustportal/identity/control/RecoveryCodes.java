package com.trustportal.identity.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * One-time recovery codes for a lost phone: ten codes of 50 random bits each ({@code abcde-fghij}), shown once and
 * stored only as SHA-256 (the codes are random, not chosen by a person, so a fast hash is enough).
 */
public final class RecoveryCodes {

  public static final int COUNT = 10;
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
  private static final SecureRandom RANDOM = new SecureRandom();

  private RecoveryCodes() {}

  public static List<String> generate() {
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < COUNT; i++) {
      StringBuilder code = new StringBuilder();
      for (int c = 0; c < 10; c++) {
        if (c == 5) {
          code.append('-');
        }
        code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
      }
      codes.add(code.toString());
    }
    return codes;
  }

  /** Whether a typed answer looks like a recovery code rather than a six-digit code. */
  public static boolean looksLikeOne(String typed) {
    return typed != null && normalise(typed).matches("[a-z2-7]{10}");
  }

  /** The stored form of a code as typed (case, spaces and the dash do not matter). */
  public static String hash(String typed) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalise(typed).getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static String normalise(String typed) {
    return typed.strip().toLowerCase(Locale.ROOT).replace("-", "").replace(" ", "");
  }
}
