package com.trustportal.team.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last computed tenant-wide figures per tenant. Grouping every learner's progress takes a second or more for
 * 10,000 learners on H2, far more than a page may take, while a dashboard a minute old tells an admin the same. So
 * a request gets the figures already computed; once they are older than {@link #FRESH_FOR}, one refresh runs in the
 * background (never two at once for a tenant) and the next request sees it. Only the very first request of a tenant
 * waits for the computation. Holds figures only: who may see them is checked on every request before this is asked.
 */
@ApplicationScoped
public class FiguresCache {

  public static final Duration FRESH_FOR = Duration.ofSeconds(60);
  private static final Logger LOG = Logger.getLogger("portal");

  @Resource ManagedExecutorService managedExecutor;

  Executor executor;
  Clock clock = Clock.systemUTC();

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  private static final class Entry {
    volatile Computed<?> last;
    final AtomicBoolean refreshing = new AtomicBoolean();
  }

  @PostConstruct
  void init() {
    if (executor == null) {
      executor = managedExecutor;
    }
  }

  /**
   * The tenant's figures: computed now if there are none yet, otherwise the last ones, refreshed in the background
   * when stale. {@code compute} must set up its own tenant and transaction (it may run on another thread).
   */
  @SuppressWarnings("unchecked")
  public <T> Computed<T> get(String tenant, Supplier<T> compute) {
    Objects.requireNonNull(tenant);
    Entry entry = entries.computeIfAbsent(tenant, t -> new Entry());
    if (entry.last == null) {
      synchronized (entry) {
        if (entry.last == null) {
          store(entry, compute.get());
        }
      }
    } else if (entry.last.computedAt().plus(FRESH_FOR).isBefore(clock.instant()) && entry.refreshing.compareAndSet(false, true)) {
      executor.execute(() -> {
        try {
          store(entry, compute.get());
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "refreshing the dashboard figures of " + tenant + " failed; the last ones stay", e);
        } finally {
          entry.refreshing.set(false);
        }
      });
    }
    return (Computed<T>) entry.last;
  }

  /** Forgets a tenant's figures, so the next request computes them (tests, or after a bulk change). */
  public void forget(String tenant) {
    entries.remove(tenant);
  }

  private void store(Entry entry, Object figures) {
    entry.last = new Computed<>(Objects.requireNonNull(figures), clock.instant());
  }

  /** Figures and when they were computed. */
  public record Computed<T>(T figures, Instant computedAt) {}
}
