package com.trustportal.platform.cluster;

import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.topic.ITopic;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The state of a clustered node, in Payara's Hazelcast: {@link SharedMap}s are IMaps whose time to live and size
 * bound are set once per name (Hazelcast's dynamic configuration, so every member applies the same), updates are
 * compare-and-set loops, and topics are ITopics of String. Nothing but JDK values goes in: the application's classes
 * may not load in the class loader that Payara's Hazelcast deserialises with.
 */
public final class HazelcastState implements ClusterState {

  private static final String PREFIX = "portal.";

  private final HazelcastInstance hazelcast;
  private final Executor listeners;

  /** {@code listeners} runs the topic listeners (a managed executor in the server, so they may call EJBs). */
  public HazelcastState(HazelcastInstance hazelcast, Executor listeners) {
    this.hazelcast = Objects.requireNonNull(hazelcast);
    this.listeners = Objects.requireNonNull(listeners);
  }

  @Override
  public boolean clustered() {
    return true;
  }

  @Override
  public <V> SharedMap<V> map(String name, Duration keepFor, int maxEntries) {
    if (keepFor.isNegative() || keepFor.isZero() || maxEntries < 1) {
      throw new IllegalArgumentException("shared map " + name + " needs keepFor > 0 and maxEntries >= 1");
    }
    String mapName = PREFIX + name;
    int ttlSeconds = (int) Math.min(Integer.MAX_VALUE, Math.max(1, (keepFor.toMillis() + 999) / 1000));
    hazelcast.getConfig().addMapConfig(new MapConfig(mapName)
        .setTimeToLiveSeconds(ttlSeconds)
        .setEvictionConfig(new EvictionConfig()
            .setEvictionPolicy(EvictionPolicy.LRU)
            .setMaxSizePolicy(MaxSizePolicy.PER_NODE)
            .setSize(maxEntries)));
    return new HazelcastMap<>(hazelcast.getMap(mapName));
  }

  @Override
  public void publish(String topic, String message) {
    hazelcast.<String>getTopic(PREFIX + topic).publish(Objects.requireNonNull(message));
  }

  @Override
  public void subscribe(String topic, Consumer<String> listener) {
    ITopic<String> t = hazelcast.getTopic(PREFIX + topic);
    t.addMessageListener(message -> {
      if (message.getPublishingMember() == null || !message.getPublishingMember().localMember()) {
        String text = message.getMessageObject();
        listeners.execute(() -> listener.accept(text));
      }
    });
  }

  private record HazelcastMap<V>(IMap<String, V> map) implements SharedMap<V> {

    @Override
    public Optional<V> get(String key) {
      return Optional.ofNullable(map.get(key));
    }

    @Override
    public V update(String key, UnaryOperator<V> change) {
      while (true) {
        V old = map.get(key);
        V value = change.apply(old);
        boolean written;
        if (old == null) {
          written = value == null || map.putIfAbsent(key, value) == null;
        } else if (value == null) {
          written = map.remove(key, old);
        } else {
          written = map.replace(key, old, value);
        }
        if (written) {
          return value;
        }
      }
    }

    @Override
    public void remove(String key) {
      map.delete(key);
    }
  }
}
