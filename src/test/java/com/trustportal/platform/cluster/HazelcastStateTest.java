package com.trustportal.platform.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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

  private static HazelcastInstance memberA;
  private static HazelcastInstance memberB;
  private static ClusterState nodeA;
  private static ClusterState nodeB;

  @BeforeAll
  static void startTwoMembers() {
    String cluster = "portal-test-" + UUID.randomUUID();
    memberA = Hazelcast.newHazelcastInstance(config(cluster));
    memberB = Hazelcast.newHazelcastInstance(config(cluster));
    assertEquals(2, memberA.getCluster().getMembers().size(), "the two members form one cluster");
    nodeA = new HazelcastState(memberA, Runnable::run);
    nodeB = new HazelcastState(memberB, Runnable::run);
  }

  @AfterAll
  static void stop() {
    for (HazelcastInstance member : new HazelcastInstance[] {memberB, memberA}) {
      if (member != null) {
        member.shutdown();
      }
    }
  }

  private static Config config(String cluster) {
    Config config = new Config().setClusterName(cluster);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "jdk");
    config.getNetworkConfig().setPort(15701).setPortAutoIncrement(true);
    config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    JoinConfig join = config.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:15701").addMember("127.0.0.1:15702").addMember("127.0.0.1:15703");
    return config;
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
}
