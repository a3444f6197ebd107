package com.trustportal.identity.control;

import com.trustportal.platform.cluster.ClusterState;
import com.trustportal.platform.cluster.SharedMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Slows down password guessing without letting anyone lock a person out (OWASP ASVS 4.0.3 V2.2.1).
 * Guesses are counted per (e-mail as typed, client address) and per client address, never per account
 * alone: an attacker's guesses make the attacker wait, while the real person signing in from another
 * address is not affected. Counted by the typed e-mail, so the answer is the same whether an account
 * exists or not.
 *
 * <p>The counts are {@link ClusterState} maps, so in a cluster every node counts the same guesses: a load balancer
 * that spreads one client's requests over n nodes gives it no more free guesses. Each map is bounded to
 * {@link #MAX_ENTRIES} entries per node (the least recently used go first) and forgets an entry once its rule's
 * {@code forgetAfter} plus {@code maxWait} passed without a failure, so no number of addresses or invented e-mails
 * can grow it without limit.
 */
@ApplicationScoped
public class SignInThrottle {

  /**
   * How one scope is throttled: {@code freeFailures} wrong guesses without any wait, then a wait of
   * {@code firstWait} that doubles with every further failure (a refused guess counts too) up to
   * {@code maxWait}. A scope that has seen no failure for {@code forgetAfter} starts again from zero.
   */
  public record Rule(int freeFailures, Duration firstWait, Duration maxWait, Duration forgetAfter) {

    public Rule {
      if (freeFailures < 1 || firstWait.isNegative() || firstWait.isZero() || maxWait.compareTo(firstWait) < 0) {
        throw new IllegalArgumentException("a throttle needs at least one free failure and 0 < firstWait <= maxWait");
      }
    }

    /** The wait after {@code failures} failures in a row: none before {@code freeFailures}, then doubling, capped. */
    public Duration waitAfter(int failures) {
      if (failures < freeFailures) {
        return Duration.ZERO;
      }
      int doublings = Math.min(failures - freeFailures, 30);
      Duration wait = firstWait.multipliedBy(1L << doublings);
      return wait.compareTo(maxWait) > 0 ? maxWait : wait;
    }
  }

  /** Per e-mail and address: five free guesses, then 1 s, 2 s, 4 s, ... up to 15 minutes. */
  public static final Rule PER_ACCOUNT_AND_ADDRESS = new Rule(5, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1));
  /** Per address across all e-mails (password spraying): twenty free guesses, then the same growing wait. */
  public static final Rule PER_ADDRESS = new Rule(20, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1));
  /** Entries kept per map; about 100 bytes each. */
  public static final int MAX_ENTRIES = 10_000;

  private Clock clock;
  private Counters byAccountAndAddress;
  private Counters byAddress;

  /** For the container's proxy only. */
  protected SignInThrottle() {}

  @Inject
  public SignInThrottle(ClusterState state) {
    this(state, Clock.systemUTC(), PER_ACCOUNT_AND_ADDRESS, PER_ADDRESS, MAX_ENTRIES);
  }

  public SignInThrottle(ClusterState state, Clock clock, Rule perAccountAndAddress, Rule perAddress, int maxEntries) {
    this.clock = Objects.requireNonNull(clock);
    this.byAccountAndAddress = new Counters(state, "sign-in.account-address", perAccountAndAddress, maxEntries);
    this.byAddress = new Counters(state, "sign-in.address", perAddress, maxEntries);
  }

  /**
   * Asked before a password is checked: the wait when this guess is refused. A refused guess counts
   * against the scope that refused it, so hammering only makes one's own wait longer.
   */
  public Optional<Duration> refusal(String email, String address) {
    Instant now = clock.instant();
    Optional<Duration> wait = byAddress.refuse(addressKey(address), now);
    if (wait.isPresent()) {
      return wait;
    }
    return byAccountAndAddress.refuse(key(email, address), now);
  }

  /** A wrong password (or no such account): counted in both scopes; returns the wait now in force, if any. */
  public Optional<Duration> failed(String email, String address) {
    Instant now = clock.instant();
    Duration forAccount = byAccountAndAddress.fail(key(email, address), now);
    Duration forAddress = byAddress.fail(addressKey(address), now);
    Duration wait = forAccount.compareTo(forAddress) >= 0 ? forAccount : forAddress;
    return wait.isZero() ? Optional.empty() : Optional.of(wait);
  }

  /** The right password: this e-mail's count from this address starts again (the address's count does not). */
  public void succeeded(String email, String address) {
    byAccountAndAddress.forget(key(email, address));
  }

  private static String key(String email, String address) {
    String typed = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    return (typed.length() > 254 ? typed.substring(0, 254) : typed) + "\n" + addressKey(address);
  }

  /**
   * IPv4 addresses count one by one; an IPv6 address counts as its /64 network, since one client
   * commonly holds a whole /64 and could otherwise take a fresh address for every guess.
   */
  static String addressKey(String address) {
    if (address == null || address.isBlank()) {
      return "?";
    }
    String a = address.strip().toLowerCase(Locale.ROOT);
    if (a.startsWith("[") && a.endsWith("]")) {
      a = a.substring(1, a.length() - 1);
    }
    if (!a.contains(":")) {
      return a;
    }
    int zone = a.indexOf('%');
    if (zone >= 0) {
      a = a.substring(0, zone);
    }
    return expand(a).map(groups -> String.join(":", java.util.Arrays.copyOf(groups, 4)) + "::/64").orElse(a);
  }

  /** The eight groups of an IPv6 literal (without embedded IPv4), or empty when it is not one. */
  private static Optional<String[]> expand(String ipv6) {
    if (!ipv6.matches("[0-9a-f:]+") || ipv6.indexOf("::") != ipv6.lastIndexOf("::")) {
      return Optional.empty();
    }
    String[] head;
    String[] tail;
    int gap = ipv6.indexOf("::");
    if (gap >= 0) {
      head = ipv6.substring(0, gap).isEmpty() ? new String[0] : ipv6.substring(0, gap).split(":");
      tail = ipv6.substring(gap + 2).isEmpty() ? new String[0] : ipv6.substring(gap + 2).split(":");
    } else {
      head = ipv6.split(":");
      tail = new String[0];
    }
    if (head.length + tail.length > (gap >= 0 ? 7 : 8) || (gap < 0 && head.length != 8)) {
      return Optional.empty();
    }
    String[] groups = new String[8];
    java.util.Arrays.fill(groups, "0");
    for (int i = 0; i < head.length; i++) {
      groups[i] = head[i];
    }
    for (int i = 0; i < tail.length; i++) {
      groups[8 - tail.length + i] = tail[i];
    }
    for (int i = 0; i < 8; i++) {
      if (groups[i].isEmpty() || groups[i].length() > 4) {
        return Optional.empty();
      }
      groups[i] = Integer.toHexString(Integer.parseInt(groups[i], 16));
    }
    return Optional.of(groups);
  }

  /**
   * One scope's counts in a shared map. An entry is the text "failures:last:blockedUntil" (epoch milliseconds), a
   * JDK value any node can read; every change is one compare-and-set of the whole entry, so two nodes counting
   * the same client at once lose no failure.
   */
  private static final class Counters {

    private record Entry(int failures, long last, long blockedUntil) {

      static Entry parse(String text) {
        if (text == null) {
          return null;
        }
        String[] parts = text.split(":");
        return new Entry(Integer.parseInt(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
      }

      String text() {
        return failures + ":" + last + ":" + blockedUntil;
      }

      boolean blockedAt(long now) {
        return now < blockedUntil;
      }

      Entry counted(long now, Rule rule) {
        int counted = Math.min(failures + 1, Integer.MAX_VALUE - 1);
        Duration wait = rule.waitAfter(counted);
        return new Entry(counted, now, wait.isZero() ? blockedUntil : now + wait.toMillis());
      }
    }

    private final Rule rule;
    private final SharedMap<String> entries;

    Counters(ClusterState state, String name, Rule rule, int maxEntries) {
      this.rule = rule;
      this.entries = state.map(name, rule.forgetAfter().plus(rule.maxWait()), maxEntries);
    }

    Optional<Duration> refuse(String key, Instant now) {
      long at = now.toEpochMilli();
      Entry seen = Entry.parse(entries.get(key).orElse(null));
      if (seen == null || !seen.blockedAt(at)) {
        return Optional.empty(); // the common case reads only
      }
      Entry after = Entry.parse(entries.update(key, text -> {
        Entry entry = Entry.parse(text);
        return entry == null || !entry.blockedAt(at) ? text : entry.counted(at, rule).text();
      }));
      return after == null || !after.blockedAt(at) ? Optional.empty() : Optional.of(rule.waitAfter(after.failures()));
    }

    Duration fail(String key, Instant now) {
      long at = now.toEpochMilli();
      Entry after = Entry.parse(entries.update(key, text -> {
        Entry entry = Entry.parse(text);
        if (entry == null || (at >= entry.last() + rule.forgetAfter().toMillis() && !entry.blockedAt(at))) {
          entry = new Entry(0, at, Long.MIN_VALUE);
        }
        return entry.counted(at, rule).text();
      }));
      return rule.waitAfter(after.failures());
    }

    void forget(String key) {
      entries.remove(key);
    }
  }
}
