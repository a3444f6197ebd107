package com.trustportal.platform.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** The state of a node that runs alone: maps in this JVM's memory, and topics with nobody else to tell. */
public final class LocalState implements ClusterState {

  private final Clock clock;
  private final Map<String, LocalMap<?>> maps = new ConcurrentHashMap<>();

  public LocalState() {
    this(Clock.systemUTC());
  }

  public LocalState(Clock clock) {
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public boolean clustered() {
    return false;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <V> SharedMap<V> map(String name, Duration keepFor, int maxEntries) {
    return (SharedMap<V>) maps.computeIfAbsent(name, n -> new LocalMap<>(clock, keepFor, maxEntries));
  }

  @Override
  public void publish(String topic, String message) {
    // no other node
  }

  @Override
  public void subscribe(String topic, Consumer<String> listener) {
    // no other node publishes
  }

  private static final class LocalMap<V> implements SharedMap<V> {

    private record Entry<V>(V value, Instant writtenAt) {}

    private final Clock clock;
    private final Duration keepFor;
    private final Map<String, Entry<V>> entries;

    LocalMap(Clock clock, Duration keepFor, int maxEntries) {
      if (keepFor.isNegative() || keepFor.isZero() || maxEntries < 1) {
        throw new IllegalArgumentException("a shared map needs keepFor > 0 and maxEntries >= 1");
      }
      this.clock = clock;
      this.keepFor = keepFor;
      this.entries = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry<V>> eldest) {
          return size() > maxEntries;
        }
      };
    }

    @Override
    public synchronized Optional<V> get(String key) {
      return Optional.ofNullable(live(key));
    }

    @Override
    public synchronized V update(String key, UnaryOperator<V> change) {
      V value = change.apply(live(key));
      if (value == null) {
        entries.remove(key);
      } else {
        entries.put(key, new Entry<>(value, clock.instant()));
      }
      return value;
    }

    @Override
    public synchronized void remove(String key) {
      entries.remove(key);
    }

    private V live(String key) {
      Entry<V> entry = entries.get(key);
      if (entry == null) {
        return null;
      }
      if (!clock.instant().isBefore(entry.writtenAt().plus(keepFor))) {
        entries.remove(key);
        return null;
      }
      return entry.value();
    }
  }
}
