package com.trustportal.platform.cluster;

import java.util.Optional;
import java.util.function.UnaryOperator;

/** A map of String keys to values of a JDK type (String, Long), shared by the nodes that see the same {@link ClusterState}. */
public interface SharedMap<V> {

  Optional<V> get(String key);

  /**
   * Replaces the value under {@code key} by {@code change(old)} atomically across the cluster ({@code old} is null
   * when there is none; a null result removes the entry) and returns the new value. {@code change} may be called
   * more than once when another node wrote in between, so it must be a pure function of its argument.
   */
  V update(String key, UnaryOperator<V> change);

  void remove(String key);
}
