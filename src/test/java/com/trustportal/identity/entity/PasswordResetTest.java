package com.trustportal.identity.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** A reset link's token and lifetime, on fixed clocks: it works once, for one hour, and only its hash is kept. */
class PasswordResetTest {

  private static final Clock ISSUED = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);

  private static Clock later(Duration by) {
    return Clock.offset(ISSUED, by);
  }

  @Test
  void theTokenIs32RandomBytesInBase64UrlAndOnlyItsSha256IsStored() {
    PasswordReset.Issued one = PasswordReset.issue("account-1", ISSUED.instant());
    PasswordReset.Issued two = PasswordReset.issue("account-1", ISSUED.instant());

    assertEquals(32, Base64.getUrlDecoder().decode(one.token()).length);
    assertTrue(one.token().matches("[A-Za-z0-9_-]{43}"), "fits a query string as it is: " + one.token());
    assertNotEquals(one.token(), two.token());
    assertEquals(64, LinkToken.hash(one.token()).length());
    // SHA-256 of "abc", the FIPS 180-2 test vector
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", LinkToken.hash("abc"));
  }

  @Test
  void aLinkWorksUntilOneHourAfterItWasIssuedAndNotAtTheHour() {
    PasswordReset reset = PasswordReset.issue("account-1", ISSUED.instant()).reset();

    assertEquals(ISSUED.instant().plus(Duration.ofHours(1)), reset.expiresAt());
    assertTrue(reset.open(later(Duration.ofMinutes(59).plusSeconds(59)).instant()));
    assertFalse(reset.open(later(Duration.ofHours(1)).instant()), "expired at the hour");
    IllegalStateException expired = assertThrows(IllegalStateException.class,
        () -> reset.use(later(Duration.ofHours(2)).instant()));
    assertTrue(expired.getMessage().contains("expired"), expired.getMessage());
  }

  @Test
  void aLinkWorksOnce() {
    PasswordReset reset = PasswordReset.issue("account-1", ISSUED.instant()).reset();

    reset.use(later(Duration.ofMinutes(5)).instant());

    assertEquals(later(Duration.ofMinutes(5)).instant(), reset.usedAt());
    assertFalse(reset.open(later(Duration.ofMinutes(6)).instant()));
    IllegalStateException again = assertThrows(IllegalStateException.class,
        () -> reset.use(later(Duration.ofMinutes(6)).instant()));
    assertTrue(again.getMessage().contains("already used"), again.getMessage());
  }

  @Test
  void endingAnOpenLinkMakesItExpiredFromThenOnAndLeavesAUsedOneAsItWas() {
    PasswordReset open = PasswordReset.issue("account-1", ISSUED.instant()).reset();
    PasswordReset used = PasswordReset.issue("account-1", ISSUED.instant()).reset();
    used.use(later(Duration.ofMinutes(1)).instant());

    open.end(later(Duration.ofMinutes(10)).instant());
    used.end(later(Duration.ofMinutes(10)).instant());

    assertFalse(open.open(later(Duration.ofMinutes(10)).instant()));
    assertEquals(later(Duration.ofMinutes(10)).instant(), open.expiresAt());
    assertEquals(ISSUED.instant().plus(Duration.ofHours(1)), used.expiresAt(), "a used link keeps its dates");
  }

  @Test
  void onlyPlausibleTokensAreLookedUp() {
    assertFalse(LinkToken.plausible(null));
    assertFalse(LinkToken.plausible("  "));
    assertFalse(LinkToken.plausible("x".repeat(101)));
    assertTrue(LinkToken.plausible(LinkToken.generate()));
  }
}
