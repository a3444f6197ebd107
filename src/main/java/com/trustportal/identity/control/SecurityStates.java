package com.trustportal.identity.control;

import com.trustportal.identity.entity.AccountChanges.AccountChanged;
import com.trustportal.identity.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * This node's short memory of accounts' security state (version, role, active), so that checking the
 * session on every request does not read the account row on every request. The database stays the
 * truth: an entry is trusted for {@link #TTL} at most, so a change made on another node ends the
 * sessions here within that time. A change on this node clears the entry at once (and for one more
 * {@link #TTL} nothing is cached for that account, so a read racing the change's commit is not kept).
 * Bounded to {@link #MAX_ENTRIES}, least recently used first out.
 */
@ApplicationScoped
public class SecurityStates {

  /** How long a read of the account row is trusted on this node. */
  public static final Duration TTL = Duration.ofSeconds(2);
  public static final int MAX_ENTRIES = 10_000;

  /** What a session is checked against: the account's version, role and whether it is active. */
  public record State(long version, Role role, boolean active) {}

  /** {@code lastRead}: while held, the latest read (not trusted for caching, only for {@link #lastKnown}). */
  private record Entry(Optional<State> state, Instant until, boolean hold, Optional<State> lastRead) {
    Entry(Optional<State> state, Instant until, boolean hold) {
      this(state, until, hold, hold ? Optional.empty() : state);
    }
  }

  private final Clock clock;
  private final Map<String, Entry> entries;

  public SecurityStates() {
    this(Clock.systemUTC(), MAX_ENTRIES);
  }

  public SecurityStates(Clock clock, int maxEntries) {
    this.clock = Objects.requireNonNull(clock);
    this.entries = new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
        return size() > maxEntries;
      }
    };
  }

  /**
   * The state of the account, from this node's memory while it is fresh, otherwise from {@code load}
   * (the database; empty when the account no longer exists). {@code load} runs outside the lock.
   */
  public Optional<State> get(String tenant, String accountId, Supplier<Optional<State>> load) {
    String key = tenant + "\n" + accountId;
    Instant now = clock.instant();
    synchronized (this) {
      Entry entry = entries.get(key);
      if (entry != null && !entry.hold() && now.isBefore(entry.until())) {
        return entry.state();
      }
    }
    Optional<State> state = load.get();
    synchronized (this) {
      Entry entry = entries.get(key);
      if (entry == null || !entry.hold() || !now.isBefore(entry.until())) {
        entries.put(key, new Entry(state, now.plus(TTL), false));
      } else {
        entries.put(key, new Entry(entry.state(), entry.until(), true, state));
      }
    }
    return state;
  }

  /**
   * The last state this node read for the account, however old (none when a change on this node came after the
   * last read): what a session is checked against while the database cannot be read (nor changed).
   */
  public synchronized Optional<State> lastKnown(String tenant, String accountId) {
    Entry entry = entries.get(tenant + "\n" + accountId);
    return entry == null ? Optional.empty() : entry.lastRead();
  }

  /** An account changed on this node: forget it, and cache nothing for it until the change has surely committed. */
  public synchronized void forget(String tenant, String accountId) {
    entries.put(tenant + "\n" + accountId, new Entry(Optional.empty(), clock.instant().plus(TTL), true));
  }

  void changed(@Observes AccountChanged change) {
    forget(change.tenant(), change.accountId());
  }
}
