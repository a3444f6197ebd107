package com.trustportal.platform.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Real Hazelcast members (the version Payara bundles) in the test's JVM, joined over loopback as Payara's tcpip mode does. */
public final class EmbeddedMembers implements AutoCloseable {

  public final List<HazelcastInstance> members = new ArrayList<>();

  /** Starts {@code count} members of a cluster of their own (a random name, so tests never join each other). */
  public static EmbeddedMembers start(int count) {
    EmbeddedMembers cluster = new EmbeddedMembers();
    String name = "portal-test-" + UUID.randomUUID();
    for (int i = 0; i < count; i++) {
      cluster.members.add(Hazelcast.newHazelcastInstance(config(name)));
    }
    int joined = cluster.members.get(0).getCluster().getMembers().size();
    if (joined != count) {
      cluster.close();
      throw new IllegalStateException(count + " members started but " + joined + " joined one cluster");
    }
    return cluster;
  }

  /** One member's view of the shared state, with topic listeners run on the calling thread. */
  public ClusterState state(int member) {
    return new HazelcastState(members.get(member), Runnable::run);
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
    for (int port = 15701; port <= 15705; port++) {
      join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:" + port);
    }
    return config;
  }

  @Override
  public void close() {
    for (int i = members.size() - 1; i >= 0; i--) {
      members.get(i).shutdown();
    }
  }
}
