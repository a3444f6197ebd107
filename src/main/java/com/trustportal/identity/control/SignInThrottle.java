package com.trustportal.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Slows down password guessing without letting anyone lock a person out (OWASP ASVS 4.0.3 V2.2.1).
 * Guesses are counted per (e-mail as typed, client address) and per client address, never per account
 * alone: an attacker's guesses make the attacker wait, while the real person signing in from another
 * address is not affected. Counted by the typed e-mail, so the answer is the same whether an account
 * exists or not.
 *
 * <p>State is in this node's memory, in two maps bounded to {@link #MAX_ENTRIES} each (the least recently
 * used entry goes first), so no number of addresses or invented e-mails can grow it without limit. In a
 * cluster each node counts for itself: behind a load balancer that spreads one client's requests over
 * n nodes, that client gets at most n times the free guesses before the waits start.
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

  private final Clock clock;
  private final Counters byAccountAndAddress;
  private final Counters byAddress;

  public SignInThrottle() {
    this(Clock.systemUTC(), PER_ACCOUNT_AND_ADDRESS, PER_ADDRESS, MAX_ENTRIES);
  }

  public SignInThrottle(Clock clock, Rule perAccountAndAddress, Rule perAddress, int maxEntries) {
    this.clock = Objects.requireNonNull(clock);
    this.byAccountAndAddress = new Counters(perAccountAndAddress, maxEntries);
    this.byAddress = new Counters(perAddress, maxEntries);
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

  /** One scope's counts: a bounded map, least recently used first out. */
  private static final class Counters {

    private static final class Entry {
      int failures;
      Instant last;
      Instant blockedUntil = Instant.MIN;
    }

    private final Rule rule;
    private final Map<String, Entry> entries;

    Counters(Rule rule, int maxEntries) {
      this.rule = rule;
      this.entries = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
          return size() > maxEntries;
        }
      };
    }

    synchronized Optional<Duration> refuse(String key, Instant now) {
      Entry entry = entries.get(key);
      if (entry == null || !now.isBefore(entry.blockedUntil)) {
        return Optional.empty();
      }
      return Optional.of(count(entry, now));
    }

    synchronized Duration fail(String key, Instant now) {
      Entry entry = entries.get(key);
      if (entry == null) {
        entry = new Entry();
        entries.put(key, entry);
      } else if (!now.isBefore(entry.last.plus(rule.forgetAfter())) && !now.isBefore(entry.blockedUntil)) {
        entry.failures = 0;
      }
      return count(entry, now);
    }

    synchronized void forget(String key) {
      entries.remove(key);
    }

    private Duration count(Entry entry, Instant now) {
      entry.failures = Math.min(entry.failures + 1, Integer.MAX_VALUE - 1);
      entry.last = now;
      Duration wait = rule.waitAfter(entry.failures);
      if (!wait.isZero()) {
        entry.blockedUntil = now.plus(wait);
      }
      return wait;
    }
  }
}
