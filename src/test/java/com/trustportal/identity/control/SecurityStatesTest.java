package com.trustportal.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.trustportal.identity.entity.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-node memory of accounts' security state: brief, bounded, and cleared by a change on this node. */
class SecurityStatesTest {

  private final SignInThrottleTest.MovableClock clock = new SignInThrottleTest.MovableClock(Instant.parse("2026-01-05T09:00:00Z"));
  private final SecurityStates states = new SecurityStates(clock, 100);
  private final AtomicInteger reads = new AtomicInteger();
  private final AtomicLong version = new AtomicLong();

  private Optional<SecurityStates.State> load() {
    reads.incrementAndGet();
    return Optional.of(new SecurityStates.State(version.get(), Role.LEARNER, true));
  }

  @Test
  void aReadIsTrustedForTwoSecondsAtMost() {
    states.get("acme", "a1", this::load);
    version.set(7); // changed on another node
    clock.move(Duration.ofMillis(1999));
    assertEquals(0, states.get("acme", "a1", this::load).orElseThrow().version(), "still the cached read");

    clock.move(Duration.ofMillis(1));

    assertEquals(7, states.get("acme", "a1", this::load).orElseThrow().version(), "read again after two seconds");
    assertEquals(2, reads.get());
  }

  @Test
  void theLastReadStateIsKnownHoweverOldButNotAfterAChangeOnThisNode() {
    assertEquals(Optional.empty(), states.lastKnown("acme", "a1"), "never read");
    version.set(3);
    states.get("acme", "a1", this::load);
    clock.move(Duration.ofHours(1));
    assertEquals(3, states.lastKnown("acme", "a1").orElseThrow().version(), "an hour old, still the last read");
    states.forget("acme", "a1");
    assertEquals(Optional.empty(), states.lastKnown("acme", "a1"), "changed here, not read since: nothing to vouch with");
    version.set(4);
    states.get("acme", "a1", this::load); // read while the change may still be committing: not cached, but known
    assertEquals(4, states.lastKnown("acme", "a1").orElseThrow().version(), "the read after the change");
    assertEquals(Optional.empty(), states.lastKnown("globex", "a1"), "another tenant's account of the same id");
  }

  @Test
  void aChangeOnThisNodeIsSeenAtOnceAndNotCachedWhileItCommits() {
    states.get("acme", "a1", this::load);
    version.set(1);

    states.forget("acme", "a1");

    assertEquals(1, states.get("acme", "a1", this::load).orElseThrow().version());
    version.set(2);
    assertEquals(2, states.get("acme", "a1", this::load).orElseThrow().version(), "not cached right after a change");
    clock.move(SecurityStates.TTL);
    states.get("acme", "a1", this::load);
    states.get("acme", "a1", this::load);
    assertEquals(4, reads.get(), "cached again once the change has surely committed");
  }

  @Test
  void tenantsAreKeptApart() {
    states.get("acme", "same-id", this::load);
    version.set(3);

    assertEquals(3, states.get("globex", "same-id", this::load).orElseThrow().version());
  }

  @Test
  void theMemoryIsBounded() {
    for (int i = 0; i < 1000; i++) {
      states.get("acme", "a" + i, this::load);
    }
    reads.set(0);

    states.get("acme", "a0", this::load);

    assertEquals(1, reads.get(), "the oldest entries made room");
  }
}
