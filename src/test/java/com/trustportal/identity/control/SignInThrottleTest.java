package com.trustportal.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.platform.cluster.LocalState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules of sign-in throttling, on a clock the test moves (no sleeping). */
class SignInThrottleTest {

  private static final String LEE = "lee@acme.example";
  private static final String ATTACKER = "203.0.113.9";
  private static final String LEES_LAPTOP = "198.51.100.20";

  private final MovableClock clock = new MovableClock(Instant.parse("2026-01-05T09:00:00Z"));
  private final SignInThrottle throttle = new SignInThrottle(new LocalState(clock), clock, SignInThrottle.PER_ACCOUNT_AND_ADDRESS,
      SignInThrottle.PER_ADDRESS, 1000);

  @Test
  void fiveFailuresAreFreeThenTheAddressWaitsOneSecond() {
    for (int i = 1; i <= 4; i++) {
      assertEquals(Optional.empty(), throttle.refusal(LEE, ATTACKER), "guess " + i);
      assertEquals(Optional.empty(), throttle.failed(LEE, ATTACKER), "no wait after " + i + " failures");
    }
    assertEquals(Optional.empty(), throttle.refusal(LEE, ATTACKER));

    assertEquals(Optional.of(Duration.ofSeconds(1)), throttle.failed(LEE, ATTACKER), "the fifth failure starts the wait");
    assertTrue(throttle.refusal(LEE, ATTACKER).isPresent());
  }

  @Test
  void everyGuessDuringTheWaitDoublesItUpToFifteenMinutes() {
    failTimes(LEE, ATTACKER, 5);
    List<Duration> waits = new ArrayList<>();
    for (int i = 0; i < 14; i++) {
      waits.add(throttle.refusal(LEE, ATTACKER).orElseThrow());
    }

    assertEquals(List.of(2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L, 900L, 900L, 900L, 900L, 900L),
        waits.stream().map(Duration::toSeconds).toList());
  }

  @Test
  void aFailureAfterTheWaitHasPassedWaitsLongerThanTheOneBefore() {
    failTimes(LEE, ATTACKER, 5);
    clock.move(Duration.ofSeconds(1));
    assertEquals(Optional.empty(), throttle.refusal(LEE, ATTACKER), "after the wait one more guess is checked");

    assertEquals(Optional.of(Duration.ofSeconds(2)), throttle.failed(LEE, ATTACKER));
    clock.move(Duration.ofMillis(1999));
    assertTrue(throttle.refusal(LEE, ATTACKER).isPresent());
  }

  @Test
  void theRealPersonOnAnotherAddressIsNeverThrottledByAnAttacker() {
    failTimes(LEE, ATTACKER, 5);
    for (int i = 0; i < 100; i++) {
      throttle.refusal(LEE, ATTACKER);
    }

    assertEquals(Optional.empty(), throttle.refusal(LEE, LEES_LAPTOP));
  }

  @Test
  void aSuccessStartsTheCountOfThatEmailAndAddressAgain() {
    failTimes(LEE, ATTACKER, 4);
    throttle.succeeded(LEE, ATTACKER);
    failTimes(LEE, ATTACKER, 4);

    assertEquals(Optional.empty(), throttle.refusal(LEE, ATTACKER), "4 + 4 failures with a success between");
  }

  @Test
  void theEmailCountsAsTypedInAnyCaseSoUnknownAndKnownAddressesBehaveAlike() {
    failTimes(" Nobody@Acme.example ", ATTACKER, 5);

    assertTrue(throttle.refusal("nobody@acme.example", ATTACKER).isPresent());
    assertEquals(Optional.empty(), throttle.refusal(LEE, ATTACKER), "another e-mail from the same address is counted apart");
  }

  @Test
  void sprayingManyEmailsFromOneAddressMakesTheAddressWaitAfterTwenty() {
    for (int i = 0; i < 19; i++) {
      assertEquals(Optional.empty(), throttle.failed("person" + i + "@acme.example", ATTACKER));
    }

    assertEquals(Optional.of(Duration.ofSeconds(1)), throttle.failed("person19@acme.example", ATTACKER));
    assertTrue(throttle.refusal("person20@acme.example", ATTACKER).isPresent(), "a fresh e-mail is refused too");
    assertEquals(Optional.empty(), throttle.refusal("person20@acme.example", LEES_LAPTOP), "other addresses are not");
  }

  @Test
  void countsAreForgottenAfterAnHourWithoutFailures() {
    failTimes(LEE, ATTACKER, 4);
    clock.move(Duration.ofHours(1));

    assertEquals(Optional.empty(), throttle.failed(LEE, ATTACKER), "counting starts again: this is failure one");
    failTimes(LEE, ATTACKER, 3);
    assertEquals(Optional.empty(), throttle.refusal(LEE, ATTACKER));
  }

  @Test
  void memoryIsBoundedWhateverTheNumberOfEmailsAndAddresses() {
    SignInThrottle small = new SignInThrottle(new LocalState(clock), clock, SignInThrottle.PER_ACCOUNT_AND_ADDRESS, SignInThrottle.PER_ADDRESS, 3);
    for (int i = 0; i < 5; i++) {
      small.failed(LEE, ATTACKER);
    }
    assertTrue(small.refusal(LEE, ATTACKER).isPresent());

    for (int i = 0; i < 10_000; i++) {
      small.failed("x" + i + "@example.com", "10.0." + (i / 250) + "." + (i % 250));
    }

    // the oldest entries made room: a bounded map forgets rather than grows
    assertEquals(Optional.empty(), small.refusal(LEE, ATTACKER));
  }

  @Test
  void anIpv6ClientCountsAsItsSlash64() {
    assertEquals("2001:db8:0:1::/64", SignInThrottle.addressKey("2001:db8:0:1:aaaa:bbbb:cccc:dddd"));
    assertEquals("2001:db8:0:1::/64", SignInThrottle.addressKey("[2001:DB8:0:1::5]"));
    assertEquals("0:0:0:0::/64", SignInThrottle.addressKey("::1"));
    assertEquals("192.0.2.1", SignInThrottle.addressKey("192.0.2.1"));

    for (int i = 1; i <= 5; i++) {
      throttle.failed(LEE, "2001:db8:0:1::" + Integer.toHexString(i));
    }
    assertTrue(throttle.refusal(LEE, "2001:db8:0:1::ffff").isPresent(), "a fresh address in the same /64 waits too");
    assertFalse(throttle.refusal(LEE, "2001:db8:0:2::1").isPresent());
  }

  @Test
  void waitsFollowTheRule() {
    SignInThrottle.Rule rule = SignInThrottle.PER_ACCOUNT_AND_ADDRESS;
    assertEquals(Duration.ZERO, rule.waitAfter(4));
    assertEquals(Duration.ofSeconds(1), rule.waitAfter(5));
    assertEquals(Duration.ofSeconds(512), rule.waitAfter(14));
    assertEquals(Duration.ofMinutes(15), rule.waitAfter(15));
    assertEquals(Duration.ofMinutes(15), rule.waitAfter(Integer.MAX_VALUE - 1));
  }

  private void failTimes(String email, String address, int times) {
    for (int i = 0; i < times; i++) {
      throttle.failed(email, address);
    }
  }

  /** A clock the test moves forward. */
  static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant start) {
      this.now = start;
    }

    void move(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
