package com.trustportal.identity.control;

import java.util.Optional;

/**
 * What a chosen password must be, in one place for every way of choosing one (changing it, accepting an invitation,
 * resetting it by e-mail): long enough, and typed the same twice.
 */
public final class PasswordRules {

  /** The shortest password a person may choose. */
  public static final int MIN_LENGTH = 12;

  private PasswordRules() {}

  /** What is wrong with {@code chosen} and its repetition, in words for the person; empty when it is acceptable. */
  public static Optional<String> problem(String chosen, String repeated) {
    if (chosen == null || chosen.length() < MIN_LENGTH) {
      return Optional.of("Choose a password of at least " + MIN_LENGTH + " characters.");
    }
    if (!chosen.equals(repeated)) {
      return Optional.of("The two passwords are not the same.");
    }
    return Optional.empty();
  }
}
