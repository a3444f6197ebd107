package com.trustportal.identity.control;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords as every authenticator app makes them (RFC 6238: HMAC-SHA-1, 30-second steps,
 * 6 digits). A code is accepted for its own step and one step either side (a phone's clock drifts, a person types
 * slowly), and only for a step later than the last one accepted, so a code seen over a shoulder cannot be used
 * again within its window. The clock is given, so tests check the RFC's own vectors at fixed times.
 */
public final class Totp {

  public static final int STEP_SECONDS = 30;
  public static final int DIGITS = 6;
  /** Steps either side of the current one that are still accepted. */
  public static final int DRIFT = 1;
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Clock clock;

  public Totp(Clock clock) {
    this.clock = Objects.requireNonNull(clock);
  }

  /** The time step now. */
  public long step() {
    return Math.floorDiv(clock.instant().getEpochSecond(), STEP_SECONDS);
  }

  /**
   * The step that {@code code} belongs to, if it is right for now (within {@link #DRIFT}) and later than
   * {@code lastUsedStep}; empty otherwise. All candidate steps are computed and compared in constant time.
   */
  public OptionalLong accepted(String base32Secret, String code, long lastUsedStep) {
    if (code == null || !code.matches("[0-9]{" + DIGITS + "}")) {
      return OptionalLong.empty();
    }
    byte[] key = decode(base32Secret);
    long now = step();
    long found = Long.MIN_VALUE;
    for (long step = now - DRIFT; step <= now + DRIFT; step++) {
      boolean same = MessageDigest.isEqual(code(key, step, DIGITS).getBytes(StandardCharsets.US_ASCII),
          code.getBytes(StandardCharsets.US_ASCII));
      if (same && step > lastUsedStep && found == Long.MIN_VALUE) {
        found = step;
      }
    }
    return found == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(found);
  }

  /** The code of the current step (what the person's app shows now). */
  public String now(String base32Secret) {
    return code(decode(base32Secret), step(), DIGITS);
  }

  /** RFC 4226 HOTP of one counter value, with dynamic truncation to {@code digits} digits. */
  public static String code(byte[] key, long counter, int digits) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
          | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
      int modulo = (int) Math.pow(10, digits);
      return String.format(Locale.ROOT, "%0" + digits + "d", binary % modulo);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
    }
  }

  /** A new secret of 160 random bits (the RFC's recommended length for SHA-1), in base32 without padding. */
  public static String newSecret() {
    byte[] key = new byte[20];
    RANDOM.nextBytes(key);
    return encode(key);
  }

  /** The {@code otpauth://} URI that authenticator apps read (Google Authenticator's key URI format). */
  public static String uri(String issuer, String account, String base32Secret) {
    String label = enc(issuer) + ":" + enc(account);
    return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + enc(issuer)
        + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  public static String encode(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
    }
    return out.toString();
  }

  /** Base32 (RFC 4648) to bytes; spaces, padding and case are ignored, as apps and people write it. */
  public static byte[] decode(String base32) {
    String text = base32.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
    ByteBuffer out = ByteBuffer.allocate(text.length() * 5 / 8);
    int buffer = 0;
    int bits = 0;
    for (char c : text.toCharArray()) {
      int value = BASE32.indexOf(c);
      if (value < 0) {
        throw new IllegalArgumentException("not base32: '" + c + "'");
      }
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        out.put((byte) (buffer >> (bits - 8)));
        bits -= 8;
      }
    }
    return out.array();
  }
}
