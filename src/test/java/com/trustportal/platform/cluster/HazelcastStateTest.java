package com.trustportal.platform.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import com.trustportal.certificate.control.RateLimiter;
import com.trustportal.identity.control.SignInThrottle;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two real Hazelcast members (the version Payara bundles) in this JVM, each seen through its own HazelcastState. */
class HazelcastStateTest {

  private static EmbeddedMembers cluster;
  private static HazelcastInstance memberA;
  private static ClusterState nodeA;
  private static ClusterState nodeB;

  @BeforeAll
  static void startTwoMembers() {
    cluster = EmbeddedMembers.start(2);
    memberA = cluster.members.get(0);
    nodeA = cluster.state(0);
    nodeB = cluster.state(1);
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static SharedMap<Long> counts(ClusterState node, String name) {
    return node.map(name, Duration.ofMinutes(5), 1000);
  }

  @Test
  void aCountMadeOnOneNodeIsSeenAndContinuedOnTheOther() {
    SharedMap<Long> onA = counts(nodeA, "shared-count");
    SharedMap<Long> onB = counts(nodeB, "shared-count");
    onA.update("client", n -> n == null ? 1L : n + 1);
    onA.update("client", n -> n == null ? 1L : n + 1);
    assertEquals(Optional.of(2L), onB.get("client"));
    assertEquals(3L, onB.update("client", n -> n == null ? 1L : n + 1));
    assertEquals(Optional.of(3L), onA.get("client"));
  }

  @Test
  void concurrentIncrementsFromBothNodesLoseNone() throws Exception {
    SharedMap<Long> onA = counts(nodeA, "concurrent-count");
    SharedMap<Long> onB = counts(nodeB, "concurrent-count");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> work = new java.util.ArrayList<>();
      for (SharedMap<Long> map : List.of(onA, onB, onA, onB)) {
        work.add(pool.submit(() -> {
          for (int i = 0; i < 100; i++) {
            map.update("hot", n -> n == null ? 1L : n + 1);
          }
        }));
      }
      for (Future<?> f : work) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(Optional.of(400L), onA.get("hot"));
  }

  @Test
  void anUpdateToNullRemovesTheEntryOnEveryNode() {
    SharedMap<String> onA = nodeA.map("removal", Duration.ofMinutes(5), 100);
    SharedMap<String> onB = nodeB.map("removal", Duration.ofMinutes(5), 100);
    onA.update("k", old -> "v");
    assertEquals(Optional.of("v"), onB.get("k"));
    onB.update("k", old -> null);
    assertEquals(Optional.empty(), onA.get("k"));
    onA.update("k", old -> "w");
    onB.remove("k");
    assertEquals(Optional.empty(), onA.get("k"));
  }

  @Test
  void anEntryIsForgottenOnEveryNodeAfterItsTimeToLive() throws InterruptedException {
    SharedMap<Long> onA = nodeA.map("short-lived", Duration.ofSeconds(1), 100);
    SharedMap<Long> onB = nodeB.map("short-lived", Duration.ofSeconds(1), 100);
    onA.update("client", n -> 1L);
    assertEquals(Optional.of(1L), onB.get("client"));
    // expiry is checked, not its timing: wait until it happened, with a generous bound
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (onB.get("client").isPresent() && System.nanoTime() < giveUp) {
      Thread.sleep(200);
    }
    assertEquals(Optional.empty(), onB.get("client"));
    assertEquals(Optional.empty(), onA.get("client"));
  }

  @Test
  void aMapKeepsAtMostItsBoundPerNode() {
    SharedMap<Long> onA = nodeA.map("bounded", Duration.ofMinutes(5), 50);
    for (int i = 0; i < 5_000; i++) {
      onA.update("client-" + i, n -> 1L);
    }
    int size = memberA.getMap("portal.bounded").size();
    assertTrue(size < 5_000, "eviction keeps the map bounded, it held " + size);
  }

  @Test
  void aTopicMessageReachesTheOtherNodeAndNotThePublisher() throws InterruptedException {
    List<String> onA = new CopyOnWriteArrayList<>();
    List<String> onB = new CopyOnWriteArrayList<>();
    nodeA.subscribe("news", onA::add);
    nodeB.subscribe("news", onB::add);
    nodeA.publish("news", "reload tenants");
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (onB.isEmpty() && System.nanoTime() < giveUp) {
      Thread.sleep(50);
    }
    assertEquals(List.of("reload tenants"), onB);
    nodeB.publish("news", "marker");
    while (onA.isEmpty() && System.nanoTime() < giveUp) {
      Thread.sleep(50);
    }
    // messages of one publisher arrive in order, so A seeing B's marker means A would have seen its own message by now
    assertEquals(List.of("marker"), onA);
  }

  @Test
  void signInGuessesSpreadOverTwoNodesAddUpToOneThrottle() {
    SignInThrottle onA = new SignInThrottle(nodeA);
    SignInThrottle onB = new SignInThrottle(nodeB);
    String email = "lee@acme.example";
    String attacker = "203.0.113.77";
    for (int i = 0; i < SignInThrottle.PER_ACCOUNT_AND_ADDRESS.freeFailures() - 1; i++) {
      (i % 2 == 0 ? onA : onB).failed(email, attacker);
    }
    assertEquals(Optional.empty(), onA.refusal(email, attacker), "still free guesses left");
    assertEquals(Optional.of(Duration.ofSeconds(1)), onB.failed(email, attacker), "the last free guess, made on B, starts the wait");
    assertTrue(onA.refusal(email, attacker).isPresent(), "node A refuses the next guess too");
  }

  @Test
  void theVerificationRateCountsRequestsOnBothNodes() {
    RateLimiter onA = new RateLimiter(nodeA, 3);
    RateLimiter onB = new RateLimiter(nodeB, 3);
    long minute = 60_000L * 29_000_000;
    assertEquals(0, onA.waitSeconds("198.51.100.7", minute));
    assertEquals(0, onB.waitSeconds("198.51.100.7", minute + 1));
    assertEquals(0, onA.waitSeconds("198.51.100.7", minute + 2));
    assertTrue(onB.waitSeconds("198.51.100.7", minute + 3) > 0, "the fourth request of the minute is refused, on either node");
  }
}
