package com.trustportal.identity.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The account's second factor (enrolment, codes good once, recovery codes) and the half-signed-in state. */
class TwoFactorAccountTest {

  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

  private static Account account() {
    return new Account("lee@acme.example", "Lee Learner", Role.LEARNER, "pbkdf2-sha256$310000$salt$hash", T0);
  }

  @Test
  void aSecretIsInForceOnlyOnceConfirmed() {
    Account account = account();
    assertThrows(IllegalStateException.class, () -> account.confirmTwoFactor(1, List.of("a")), "nothing to confirm");
    account.beginTwoFactor("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    assertFalse(account.hasTwoFactor(), "shown, not yet confirmed");

    account.confirmTwoFactor(100, List.of("h1", "h2"));

    assertTrue(account.hasTwoFactor());
    assertEquals(100, account.totpLastStep());
    assertEquals(2, account.recoveryCodesLeft());
  }

  @Test
  void aStepIsUsedOnceAndNeverAnEarlierOne() {
    Account account = account();
    account.beginTwoFactor("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    account.confirmTwoFactor(100, List.of("h1"));
    assertThrows(IllegalStateException.class, () -> account.usedCodeOf(100));
    assertThrows(IllegalStateException.class, () -> account.usedCodeOf(99));
    account.usedCodeOf(101);
    assertEquals(101, account.totpLastStep());
  }

  @Test
  void aRecoveryCodeWorksOnce() {
    Account account = account();
    account.beginTwoFactor("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    account.confirmTwoFactor(1, List.of("h1", "h2"));
    assertTrue(account.useRecoveryCode("h2"));
    assertFalse(account.useRecoveryCode("h2"));
    assertFalse(account.useRecoveryCode("other"));
    assertEquals(1, account.recoveryCodesLeft());
    account.removeTwoFactor();
    assertFalse(account.hasTwoFactor());
    assertFalse(account.useRecoveryCode("h1"), "turning it off removes the recovery codes");
  }

  @Test
  void theHalfSignedInStateHoldsForItsTenantVersionAndFiveMinutesOnly() {
    Account account = account();
    PendingSignIn pending = PendingSignIn.of("acme", account, T0, false);

    assertTrue(pending.validFor("acme", account, T0.plusSeconds(299)));
    assertFalse(pending.validFor("acme", account, T0.plusSeconds(300)), "expired");
    assertFalse(pending.validFor("globex", account, T0), "another tenant");
    account.endSessions();
    assertFalse(pending.validFor("acme", account, T0), "the account's security version moved on");
  }
}
