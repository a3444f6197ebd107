package com.trustportal.platform.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalStateTest {

  private static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void anEntryIsForgottenItsTimeToLiveAfterTheLastWrite() {
    MovableClock clock = new MovableClock();
    SharedMap<Long> map = new LocalState(clock).map("m", Duration.ofMinutes(1), 10);
    map.update("k", n -> 1L);
    clock.now = clock.now.plusSeconds(50);
    assertEquals(2L, map.update("k", n -> n == null ? 1L : n + 1));
    clock.now = clock.now.plusSeconds(50);
    assertEquals(Optional.of(2L), map.get("k"), "the second write started the minute again");
    clock.now = clock.now.plusSeconds(10);
    assertEquals(Optional.empty(), map.get("k"));
  }

  @Test
  void theLeastRecentlyUsedEntryGoesFirstWhenTheBoundIsReached() {
    SharedMap<Long> map = new LocalState().map("m", Duration.ofMinutes(1), 2);
    map.update("a", n -> 1L);
    map.update("b", n -> 1L);
    map.get("a");
    map.update("c", n -> 1L);
    assertEquals(Optional.of(1L), map.get("a"));
    assertEquals(Optional.empty(), map.get("b"));
  }

  @Test
  void theSameNameIsTheSameMapAndNothingIsPublished() {
    LocalState state = new LocalState();
    state.<Long>map("m", Duration.ofMinutes(1), 2).update("a", n -> 7L);
    assertEquals(Optional.of(7L), state.<Long>map("m", Duration.ofMinutes(1), 2).get("a"));
    assertFalse(state.clustered());
    state.subscribe("t", m -> { throw new AssertionError("a lone node has nobody to hear from"); });
    state.publish("t", "x");
  }

  @Test
  void aMapWithoutTimeToLiveIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new LocalState().map("m", Duration.ZERO, 2));
  }
}
