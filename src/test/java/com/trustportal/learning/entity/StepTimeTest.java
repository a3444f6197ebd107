package com.trustportal.learning.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StepTimeTest {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void aHeartbeatIsWorthTheGapSinceThePreviousOneUpToTheCap() {
    assertEquals(0, StepTime.credit(null, T0), "the first heartbeat has nothing to measure from");
    assertEquals(15_000, StepTime.credit(T0, T0.plusSeconds(15)));
    assertEquals(StepTime.MAX_CREDIT.toMillis(), StepTime.credit(T0, T0.plusSeconds(600)));
    assertEquals(0, StepTime.credit(T0.plusSeconds(5), T0), "a heartbeat from the past is worth nothing");
  }

  @Test
  void beatsAddUpAndTheLatestBeatStays() {
    StepTime time = new StepTime("acc", "course", "m1-l1", T0);
    time.beat(null, T0);
    time.beat(T0, T0.plusSeconds(10));
    time.beat(T0.plusSeconds(10), T0.plusSeconds(5));

    assertEquals(10_000, time.activeMillis());
    assertEquals(T0.plusSeconds(10), time.lastBeatAt());
  }
}
