package com.trustportal.identity.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Stored password hashes: salted, slow, self-describing, and never an exception on bad input. */
class PasswordHasherTest {

  private static final String PASSWORD = "correct horse battery staple";

  @Test
  void hashVerifiesTheSamePassword() {
    assertTrue(PasswordHasher.verify(PASSWORD, PasswordHasher.hash(PASSWORD)));
  }

  @Test
  void wrongPasswordDoesNotVerify() {
    String stored = PasswordHasher.hash(PASSWORD);

    assertFalse(PasswordHasher.verify("correct horse battery stapl", stored));
    assertFalse(PasswordHasher.verify("Correct horse battery staple", stored));
  }

  @Test
  void twoHashesOfTheSamePasswordDifferBecauseOfTheSalt() {
    String first = PasswordHasher.hash(PASSWORD);
    String second = PasswordHasher.hash(PASSWORD);

    assertNotEquals(first, second);
    assertNotEquals(first.split("\\$")[2], second.split("\\$")[2], "salts");
  }

  @Test
  void storedFormNamesAlgorithmAndAtLeast210000Iterations() {
    String[] parts = PasswordHasher.hash(PASSWORD).split("\\$");

    assertEquals(4, parts.length);
    assertEquals("pbkdf2-sha256", parts[0]);
    assertTrue(Integer.parseInt(parts[1]) >= 210_000, parts[1]);
    assertEquals(16, Base64.getDecoder().decode(parts[2]).length, "salt bytes");
    assertEquals(32, Base64.getDecoder().decode(parts[3]).length, "hash bytes");
    assertEquals(Integer.parseInt(parts[1]), PasswordHasher.iterationsOf(String.join("$", parts)));
  }

  @Test
  void tamperedHashDoesNotVerify() {
    String[] parts = PasswordHasher.hash(PASSWORD).split("\\$");
    byte[] hash = Base64.getDecoder().decode(parts[3]);
    hash[0] ^= 1;
    parts[3] = Base64.getEncoder().withoutPadding().encodeToString(hash);

    assertFalse(PasswordHasher.verify(PASSWORD, String.join("$", parts)));
  }

  @Test
  void tamperedSaltDoesNotVerify() {
    String[] parts = PasswordHasher.hash(PASSWORD).split("\\$");
    byte[] salt = Base64.getDecoder().decode(parts[2]);
    salt[15] ^= 1;
    parts[2] = Base64.getEncoder().withoutPadding().encodeToString(salt);

    assertFalse(PasswordHasher.verify(PASSWORD, String.join("$", parts)));
  }

  @Test
  void lowerIterationCountDoesNotVerify() {
    String[] parts = PasswordHasher.hash(PASSWORD).split("\\$");
    parts[1] = "1000";

    assertFalse(PasswordHasher.verify(PASSWORD, String.join("$", parts)));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {
      "garbage",
      "$$$",
      "bcrypt$310000$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
      "pbkdf2-sha256$many$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
      "pbkdf2-sha256$310000$not base64!$aGFzaA",
      "pbkdf2-sha256$310000$c2FsdHNhbHRzYWx0c2FsdA$%%%",
      "pbkdf2-sha256$0$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
      "pbkdf2-sha256$-5$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
      "pbkdf2-sha256$310000$$aGFzaA",
      "pbkdf2-sha256$310000$c2FsdHNhbHRzYWx0c2FsdA$",
      "pbkdf2-sha256$310000$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA$extra"})
  void garbageStoredValueIsFalseNotAnException(String stored) {
    assertFalse(PasswordHasher.verify(PASSWORD, stored));
  }
}
