package com.trustportal.team.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.trustportal.platform.cluster.EmbeddedMembers;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dashboard figures of two nodes that share one embedded Hazelcast cluster: one computation serves both. */
class FiguresCacheClusterTest {

  private static EmbeddedMembers cluster;
  private final AtomicInteger computations = new AtomicInteger();
  private final List<Runnable> background = new ArrayList<>();
  private Instant now = Instant.parse("2026-06-01T12:00:00Z");

  @BeforeAll
  static void start() {
    cluster = EmbeddedMembers.start(2);
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private FiguresCache node(int member) {
    FiguresCache cache = new FiguresCache();
    cache.state = cluster.state(member);
    cache.executor = background::add;
    cache.clock = Clock.fixed(now, ZoneOffset.UTC);
    return cache;
  }

  private ArrayList<String> compute() {
    return new ArrayList<>(List.of("figures " + computations.incrementAndGet()));
  }

  @Test
  void figuresComputedOnOneNodeAreServedByTheOtherWithoutComputingAgain() {
    FiguresCache a = node(0);
    FiguresCache b = node(1);
    assertEquals(List.of("figures 1"), a.get("shared-tenant", this::compute).figures());
    FiguresCache.Computed<ArrayList<String>> onB = b.get("shared-tenant", this::compute);
    assertEquals(List.of("figures 1"), onB.figures());
    assertEquals(now, onB.computedAt());
    assertEquals(1, computations.get());
  }

  @Test
  void whenStaleOneNodeOfTheClusterRefreshesAndBothThenServeTheNewFigures() {
    FiguresCache a = node(0);
    FiguresCache b = node(1);
    a.get("stale-tenant", this::compute);
    now = now.plus(FiguresCache.FRESH_FOR).plusSeconds(1);
    a.clock = Clock.fixed(now, ZoneOffset.UTC);
    b.clock = Clock.fixed(now, ZoneOffset.UTC);
    assertEquals(List.of("figures 1"), a.get("stale-tenant", this::compute).figures(), "stale, not waited for");
    assertEquals(List.of("figures 1"), b.get("stale-tenant", this::compute).figures());
    assertEquals(1, background.size(), "one refresh in the whole cluster");
    background.remove(0).run();
    assertEquals(List.of("figures 2"), b.get("stale-tenant", this::compute).figures());
    assertEquals(List.of("figures 2"), a.get("stale-tenant", this::compute).figures());
    assertEquals(2, computations.get());
  }
}
