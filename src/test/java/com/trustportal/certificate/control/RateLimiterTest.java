package com.trustportal.certificate.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.platform.cluster.LocalState;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  @Test
  void aClientGetsItsRatePerMinuteThenWaitsForTheNextMinute() {
    RateLimiter limiter = new RateLimiter(new LocalState(), 3);
    long minuteStart = 1_000L * 60_000;
    for (int i = 0; i < 3; i++) {
      assertEquals(0, limiter.waitSeconds("10.0.0.1", minuteStart + i));
    }
    long wait = limiter.waitSeconds("10.0.0.1", minuteStart + 15_000);
    assertEquals(45, wait);
    assertEquals(0, limiter.waitSeconds("10.0.0.2", minuteStart + 15_000), "other clients are not affected");
    assertEquals(0, limiter.waitSeconds("10.0.0.1", minuteStart + 60_000), "a new minute, a new allowance");
  }

  @Test
  void theWaitIsNeverZeroWhenRefused() {
    RateLimiter limiter = new RateLimiter(new LocalState(), 1);
    long almostNextMinute = 60_000L * 7 + 59_999;
    assertEquals(0, limiter.waitSeconds("a", almostNextMinute));
    assertTrue(limiter.waitSeconds("a", almostNextMinute) >= 1);
  }

  @Test
  void aRateBelowOneIsAConfigurationError() {
    assertThrows(IllegalArgumentException.class, () -> new RateLimiter(new LocalState(), 0));
  }
}
