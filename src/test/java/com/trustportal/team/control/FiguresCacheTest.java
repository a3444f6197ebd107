package com.trustportal.team.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.trustportal.platform.cluster.LocalState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The tenant figures cache: computed once, served while fresh, refreshed once in the background when stale. */
class FiguresCacheTest {

  private final List<Runnable> background = new ArrayList<>();
  private final AtomicInteger computations = new AtomicInteger();
  private final FiguresCache cache = new FiguresCache();
  private Instant now = Instant.parse("2026-06-01T12:00:00Z");

  FiguresCacheTest() {
    cache.executor = background::add;
    cache.state = new LocalState();
    tick(0);
  }

  private void tick(long seconds) {
    now = now.plusSeconds(seconds);
    cache.clock = Clock.fixed(now, ZoneOffset.UTC);
  }

  private Integer compute() {
    return computations.incrementAndGet();
  }

  @Test
  void theFirstRequestComputesAndLaterOnesWithinAMinuteGetTheSameFigures() {
    assertEquals(1, cache.get("acme", this::compute).figures());
    tick(59);
    assertEquals(1, cache.get("acme", this::compute).figures());
    assertEquals(1, computations.get());
    assertEquals(0, background.size());
  }

  @Test
  void staleFiguresAreServedWhileOneBackgroundRefreshRunsThenTheNewOnes() {
    cache.get("acme", this::compute);
    tick(61);
    assertEquals(1, cache.get("acme", this::compute).figures(), "stale, not waited for");
    assertEquals(1, cache.get("acme", this::compute).figures());
    assertEquals(1, background.size(), "one refresh at a time");
    background.remove(0).run();
    assertEquals(2, cache.get("acme", this::compute).figures());
    assertEquals(now, cache.get("acme", this::compute).computedAt());
  }

  @Test
  void tenantsHaveTheirOwnFigures() {
    cache.get("acme", () -> "acme figures");
    assertEquals("globex figures", cache.get("globex", () -> "globex figures").figures());
    assertEquals("acme figures", cache.get("acme", () -> "other").figures());
  }

  @Test
  void aFailedRefreshKeepsTheLastFiguresAndAllowsTheNextRefresh() {
    cache.get("acme", this::compute);
    tick(61);
    cache.get("acme", () -> {
      throw new IllegalStateException("database gone");
    });
    background.remove(0).run();
    assertEquals(1, cache.get("acme", this::compute).figures());
    assertEquals(1, background.size(), "tried again");
    FiguresCache fresh = new FiguresCache();
    fresh.state = new LocalState();
    assertThrows(IllegalStateException.class, () -> fresh.get("x", () -> {
      throw new IllegalStateException("first computation fails loudly");
    }));
  }
}
