package com.trustportal.identity.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.identity.control.SignInThrottleTest.MovableClock;
import com.trustportal.platform.cluster.LocalState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How many reset mails may go out, on a clock the test moves. */
class ResetRequestLimitTest {

  private static final String LEE = "lee@acme.example";
  private static final String HOME = "198.51.100.20";

  private final MovableClock clock = new MovableClock(Instant.parse("2026-01-05T09:59:00Z"));
  private final ResetRequestLimit limit = new ResetRequestLimit(new LocalState(clock), clock, 3, 5);

  @Test
  void threeMailsPerAddressAndHourThenNoneUntilTheHourIsOver() {
    for (int i = 1; i <= 3; i++) {
      assertTrue(limit.allows("acme", LEE, HOME), "request " + i);
      clock.move(Duration.ofMinutes(1)); // the window started with the first request, not at the full hour
    }
    assertFalse(limit.allows("acme", LEE, "203.0.113.9"), "the fourth within the hour, from anywhere");
    assertFalse(limit.allows("acme", " Lee@ACME.example ", HOME), "as typed, but the same address");

    clock.move(Duration.ofMinutes(57));

    assertTrue(limit.allows("acme", LEE, HOME), "an hour after the first request");
  }

  @Test
  void theSameAddressInAnotherTenantIsCountedOnItsOwn() {
    for (int i = 1; i <= 3; i++) {
      limit.allows("acme", LEE, HOME);
    }
    assertTrue(limit.allows("globex", LEE, HOME));
  }

  @Test
  void oneClientAddressMayAskForFiveAddressesAnHourAndItsRefusalsDoNotCountAgainstTheMailbox() {
    for (int i = 1; i <= 5; i++) {
      assertTrue(limit.allows("acme", "person" + i + "@acme.example", "203.0.113.9"));
    }
    assertFalse(limit.allows("acme", LEE, "203.0.113.9"), "the sixth address from one client");
    assertFalse(limit.allows("acme", LEE, "203.0.113.9"));

    assertTrue(limit.allows("acme", LEE, HOME), "the refusals above did not use up Lee's mails");
    assertTrue(limit.allows("acme", LEE, HOME));
    assertTrue(limit.allows("acme", LEE, HOME));
  }

  @Test
  void aLimitBelowOneIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ResetRequestLimit(new LocalState(), clock, 0, 5));
  }
}
