package com.trustportal.certificate.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CertificateTest {

  static final Instant COMPLETED = Instant.parse("2026-03-01T10:00:00Z");
  static final Instant EXPIRES = Instant.parse("2028-03-01T10:00:00Z");

  static Certificate certificate(Instant expires) {
    return new Certificate(new Certificate.Achievement("completion-1", "account-1", "Zoë Ångström", "collaborative-selling",
        "Collaborative Selling", 1, 90, 3_900, COMPLETED), VerificationCode.generate(), COMPLETED.plusSeconds(1), expires);
  }

  @Test
  void validUntilTheMomentItExpires() {
    Certificate c = certificate(EXPIRES);
    assertEquals(CertificateStatus.VALID, c.status(COMPLETED));
    assertEquals(CertificateStatus.VALID, c.status(EXPIRES.minusMillis(1)));
    assertEquals(CertificateStatus.EXPIRED, c.status(EXPIRES));
    assertEquals(CertificateStatus.EXPIRED, c.status(EXPIRES.plus(Duration.ofDays(400))));
  }

  @Test
  void withoutAValidityPeriodItNeverExpires() {
    Certificate c = certificate(null);
    assertNull(c.expiresAt());
    assertEquals(CertificateStatus.VALID, c.status(Instant.parse("2126-01-01T00:00:00Z")));
  }

  @Test
  void revokedWinsOverValidAndExpiredAndIsFinal() {
    Certificate c = certificate(EXPIRES);
    c.revoke(RevocationReason.ISSUED_IN_ERROR, "admin-1", COMPLETED.plusSeconds(60));
    assertEquals(CertificateStatus.REVOKED, c.status(COMPLETED.plusSeconds(61)));
    assertEquals(CertificateStatus.REVOKED, c.status(EXPIRES.plusSeconds(1)));
    IllegalStateException again = assertThrows(IllegalStateException.class,
        () -> c.revoke(RevocationReason.OTHER, "admin-2", COMPLETED.plusSeconds(120)));
    assertTrue(again.getMessage().contains("already revoked"), again.getMessage());
    assertEquals(RevocationReason.ISSUED_IN_ERROR, c.revocationReason());
    assertEquals(COMPLETED.plusSeconds(60), c.revokedAt());
  }

  @Test
  void anExpiryBeforeTheCompletionIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> certificate(COMPLETED));
    assertThrows(IllegalArgumentException.class, () -> certificate(COMPLETED.minusSeconds(1)));
  }

  @Test
  void scoreAndTimeSpentArePublishedOnlyWhenTheLearnerChoosesThem() {
    Certificate c = certificate(EXPIRES);
    assertTrue(c.publicScore().isEmpty(), "by default the public sees no score");
    assertTrue(c.publicTimeSpent().isEmpty(), "by default the public sees no time spent");

    assertTrue(c.choosePublication(true, false), "a new choice needs a new signature");
    assertEquals(90, c.publicScore().getAsInt());
    assertTrue(c.publicTimeSpent().isEmpty());
    assertFalse(c.choosePublication(true, false), "the same choice again changes nothing");

    assertTrue(c.choosePublication(false, true));
    assertTrue(c.publicScore().isEmpty());
    assertEquals(Duration.ofSeconds(3_900), c.publicTimeSpent().orElseThrow());
  }

  @Test
  void noRecordedTimeIsNeverShownEvenWhenChosen() {
    for (long seconds : new long[] {0, 59}) {
      Certificate c = new Certificate(new Certificate.Achievement("completion-3", "account-1", "Zoë Ångström",
          "collaborative-selling", "Collaborative Selling", 1, 90, seconds, COMPLETED), VerificationCode.generate(),
          COMPLETED.plusSeconds(1), EXPIRES);
      c.choosePublication(true, true);
      assertTrue(c.showsTimeSpent(), "the choice is kept");
      assertTrue(c.publicTimeSpent().isEmpty(), seconds + " s would read as '0 min'");
      assertEquals(90, c.publicScore().getAsInt());
    }
  }

  @Test
  void theCredentialIsAttachedOnce() {
    Certificate c = certificate(EXPIRES);
    c.attachCredential("{\"signed\":true}");
    assertThrows(IllegalStateException.class, () -> c.attachCredential("{\"other\":true}"));
    assertEquals("{\"signed\":true}", c.credential());
    assertEquals(Duration.ofSeconds(3_900), c.timeSpent());
  }

  @Test
  void aCertificateWithAStatusBitKeepsItAndOnlyItsCredentialCanBeResigned() {
    Certificate c = new Certificate(new Certificate.Achievement("completion-2", "account-1", "Zoë Ångström",
        "collaborative-selling", "Collaborative Selling", 1, 90, 3_900, COMPLETED), VerificationCode.generate(), 7,
        COMPLETED.plusSeconds(1), EXPIRES);
    assertEquals(7, c.statusIndex().getAsInt());
    c.attachCredential("{\"old\":true}");
    c.resignCredential("{\"new\":true}");
    assertEquals("{\"new\":true}", c.credential());
  }

  @Test
  void aCertificateWithoutAStatusBitCannotBeResignedWithOne() {
    Certificate c = certificate(EXPIRES);
    assertTrue(c.statusIndex().isEmpty());
    c.attachCredential("{}");
    assertThrows(IllegalStateException.class, () -> c.resignCredential("{\"new\":true}"));
  }

  @Test
  void aNegativeStatusBitIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Certificate(new Certificate.Achievement("completion-3",
        "account-1", "A", "c", "C", 1, 90, 1, COMPLETED), VerificationCode.generate(), -1, COMPLETED, null));
  }
}
