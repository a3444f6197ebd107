package com.trustportal.certificate.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The code printed on a certificate and in its QR code: 28 characters of Crockford base32 (140
 * random bits, so it cannot be guessed or enumerated), shown in groups of four. Typing mistakes a
 * person makes when copying it from paper (lower case, O for 0, I or L for 1, missing dashes) are
 * forgiven when it is parsed.
 */
@Embeddable
public class VerificationCode {

  public static final int LENGTH = 28;
  private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  private static final SecureRandom RANDOM = new SecureRandom();

  @Column(name = "code", length = 32, nullable = false)
  private String code;

  protected VerificationCode() {}

  private VerificationCode(String code) {
    this.code = code;
  }

  public static VerificationCode generate() {
    StringBuilder code = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return new VerificationCode(code.toString());
  }

  /** The code a person typed or a URL carried, or empty when it cannot be one of ours. */
  public static Optional<VerificationCode> parse(String text) {
    if (text == null || text.length() > 2 * LENGTH) {
      return Optional.empty();
    }
    StringBuilder code = new StringBuilder(LENGTH);
    for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
      char mapped = switch (c) {
        case 'O' -> '0';
        case 'I', 'L' -> '1';
        default -> c;
      };
      if (mapped == '-' || mapped == ' ') {
        continue;
      }
      if (ALPHABET.indexOf(mapped) < 0) {
        return Optional.empty();
      }
      code.append(mapped);
    }
    return code.length() == LENGTH ? Optional.of(new VerificationCode(code.toString())) : Optional.empty();
  }

  /** The stored form, without separators. */
  public String value() {
    return code;
  }

  /** The readable form: {@code 7KQ4-M2XW-...}, seven groups of four. */
  public String formatted() {
    StringBuilder out = new StringBuilder(LENGTH + LENGTH / 4);
    for (int i = 0; i < code.length(); i += 4) {
      if (i > 0) {
        out.append('-');
      }
      out.append(code, i, Math.min(i + 4, code.length()));
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VerificationCode that && code.equals(that.code);
  }

  @Override
  public int hashCode() {
    return Objects.hash(code);
  }

  @Override
  public String toString() {
    return formatted();
  }
}
