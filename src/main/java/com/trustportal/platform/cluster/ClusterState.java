package com.trustportal.platform.cluster;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * What the nodes of a cluster share: bounded maps whose entries are forgotten some time after their last write, and
 * topics that carry a String to the other nodes. {@link HazelcastState} when the node is clustered, {@link LocalState}
 * when it runs alone; {@link ClusterStates} picks one at start-up. Values are JDK types only (String, Long).
 */
public interface ClusterState {

  /** Whether other nodes may share this state (Hazelcast is running). */
  boolean clustered();

  /**
   * The map {@code name}: an entry is forgotten {@code keepFor} after it was last written, and at most about
   * {@code maxEntries} entries are kept per node (the least recently used go first). The same name must always be
   * asked with the same limits.
   */
  <V> SharedMap<V> map(String name, Duration keepFor, int maxEntries);

  /** Sends {@code message} on {@code topic} to every other node (not to this one). */
  void publish(String topic, String message);

  /** Calls {@code listener} on a managed thread for every message another node publishes on {@code topic}. */
  void subscribe(String topic, Consumer<String> listener);
}
