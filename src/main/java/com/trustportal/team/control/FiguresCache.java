package com.trustportal.team.control;

import com.trustportal.platform.cluster.ClusterState;
import com.trustportal.platform.cluster.SharedMap;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last computed tenant-wide figures per tenant, shared by the nodes of a cluster. Grouping every learner's progress
 * takes a second or more for 10,000 learners on H2, far more than a page may take, while a dashboard a minute old
 * tells an admin the same. So a request gets the figures already computed, by whichever node; once they are older
 * than {@link #FRESH_FOR}, the one node that claims the refresh recomputes them in the background (never two at once
 * for a tenant, across the cluster) and every node's next request sees the result. Only the very first request of a
 * tenant waits for the computation. The figures travel as bytes (Java serialisation, done here in the application,
 * so Hazelcast holds only a {@code byte[]}). Holds figures only: who may see them is checked on every request before
 * this is asked.
 */
@ApplicationScoped
public class FiguresCache {

  public static final Duration FRESH_FOR = Duration.ofSeconds(60);
  /** Figures nobody asked for in this long are dropped; the next request computes them again. */
  static final Duration KEPT_FOR = Duration.ofHours(1);
  /** A refresh claim lapses after this long, so a node that died while refreshing does not block the tenant. */
  static final Duration REFRESH_CLAIM = Duration.ofMinutes(5);
  private static final int MAX_TENANTS = 10_000;
  private static final Logger LOG = Logger.getLogger("portal");
  /** What shared figures may contain: JDK values and the portal's own records, nothing else is ever instantiated. */
  private static final ObjectInputFilter ONLY_FIGURES =
      ObjectInputFilter.Config.createFilter("maxdepth=20;java.base/*;com.trustportal.**;!*");

  @Resource ManagedExecutorService managedExecutor;
  @Inject ClusterState state;

  Executor executor;
  Clock clock = Clock.systemUTC();

  private final Map<String, Computed<?>> decoded = new ConcurrentHashMap<>();
  private final Map<String, Object> firstComputation = new ConcurrentHashMap<>();
  private volatile SharedMap<byte[]> figures;
  private volatile SharedMap<String> refreshing;

  @PostConstruct
  void init() {
    if (executor == null) {
      executor = managedExecutor;
    }
  }

  /**
   * The tenant's figures: computed now if no node has any yet, otherwise the last ones, refreshed in the background
   * when stale. {@code compute} must set up its own tenant and transaction (it may run on another thread) and return
   * a {@link Serializable} value.
   */
  @SuppressWarnings("unchecked")
  public <T> Computed<T> get(String tenant, Supplier<T> compute) {
    Objects.requireNonNull(tenant);
    Computed<?> last = latest(tenant);
    if (last == null) {
      synchronized (firstComputation.computeIfAbsent(tenant, t -> new Object())) {
        last = latest(tenant);
        if (last == null) {
          last = store(tenant, compute.get());
        }
      }
    } else if (last.computedAt().plus(FRESH_FOR).isBefore(clock.instant()) && claimRefresh(tenant)) {
      executor.execute(() -> {
        try {
          store(tenant, compute.get());
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "refreshing the dashboard figures of " + tenant + " failed; the last ones stay", e);
        } finally {
          refreshing().remove(tenant);
        }
      });
    }
    return (Computed<T>) last;
  }

  /** Forgets a tenant's figures on every node, so the next request computes them (tests, or after a bulk change). */
  public void forget(String tenant) {
    figures().remove(tenant);
    decoded.remove(tenant);
  }

  /** True for the one caller in the cluster that may refresh now: each attempt brings its own token. */
  private boolean claimRefresh(String tenant) {
    String attempt = UUID.randomUUID().toString();
    return attempt.equals(refreshing().update(tenant, holder -> holder == null ? attempt : holder));
  }

  /** The newest figures any node stored, decoded once per computation on this node. */
  private Computed<?> latest(String tenant) {
    byte[] bytes = figures().get(tenant).orElse(null);
    if (bytes == null) {
      return null;
    }
    Computed<?> known = decoded.get(tenant);
    if (known != null && known.computedAt().toEpochMilli() == ByteBuffer.wrap(bytes).getLong()) {
      return known;
    }
    Computed<?> computed = decode(bytes);
    decoded.put(tenant, computed);
    return computed;
  }

  private Computed<?> store(String tenant, Object value) {
    Computed<?> computed = new Computed<>(Objects.requireNonNull(value), clock.instant());
    byte[] bytes = encode(computed);
    // keep the newest: a slow refresh must not overwrite what another node computed after it
    figures().update(tenant, old -> old != null && ByteBuffer.wrap(old).getLong() > computed.computedAt().toEpochMilli()
        ? old : bytes);
    decoded.put(tenant, computed);
    return computed;
  }

  private static byte[] encode(Computed<?> computed) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DataOutputStream data = new DataOutputStream(out)) {
      data.writeLong(computed.computedAt().toEpochMilli()); // first, so a reader compares times without decoding
      try (ObjectOutputStream objects = new ObjectOutputStream(data)) {
        objects.writeObject(computed.figures());
      }
    } catch (IOException e) {
      throw new IllegalStateException("dashboard figures must be serialisable to be shared: " + e, e);
    }
    return out.toByteArray();
  }

  private static Computed<?> decode(byte[] bytes) {
    try (DataInputStream data = new DataInputStream(new ByteArrayInputStream(bytes))) {
      Instant at = Instant.ofEpochMilli(data.readLong());
      try (ObjectInputStream objects = new ObjectInputStream(data)) {
        objects.setObjectInputFilter(ONLY_FIGURES);
        return new Computed<>(objects.readObject(), at);
      }
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException("shared dashboard figures could not be read: " + e, e);
    }
  }

  private SharedMap<byte[]> figures() {
    if (figures == null) {
      figures = state.map("figures", KEPT_FOR, MAX_TENANTS);
    }
    return figures;
  }

  private SharedMap<String> refreshing() {
    if (refreshing == null) {
      refreshing = state.map("figures.refreshing", REFRESH_CLAIM, MAX_TENANTS);
    }
    return refreshing;
  }

  /** Figures and when they were computed. */
  public record Computed<T>(T figures, Instant computedAt) {}
}
