package com.trustportal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.Deployments;
import com.trustportal.platform.cluster.JobClaims;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Claims of a background job's time slot in the real database (H2 here, PostgreSQL in .ci/run): one claimer wins. */
@ExtendWith(ArquillianExtension.class)
class JobClaimsIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(JobClaimsIT.class);
  }

  @Inject JobClaims claims;

  private static final Instant AT = Instant.parse("2026-12-07T19:07:00Z");

  @Test
  void ofEightClaimersOfTheSameSlotAtOnceExactlyOneWins() throws Exception {
    String job = "it-" + UUID.randomUUID().toString().substring(0, 8);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> claimers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        Callable<Boolean> claim = () -> {
          go.await();
          return claims.claim(job, JobClaims.hourOf(AT), AT);
        };
        claimers.add(pool.submit(claim));
      }
      go.countDown();
      int won = 0;
      for (Future<Boolean> claimer : claimers) {
        won += claimer.get(60, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertEquals(1, won);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aSlotIsWonOnceAndTheNextHourIsANewSlot() {
    String job = "it-" + UUID.randomUUID().toString().substring(0, 8);
    assertTrue(claims.claim(job, JobClaims.hourOf(AT), AT));
    assertFalse(claims.claim(job, JobClaims.hourOf(AT.plusSeconds(50 * 60)), AT.plusSeconds(50 * 60)), "same hour");
    assertTrue(claims.claim(job, JobClaims.hourOf(AT.plusSeconds(60 * 60)), AT.plusSeconds(60 * 60)), "next hour");
    assertTrue(claims.claim(job + "-other", JobClaims.hourOf(AT), AT), "another job's slot is its own");
  }

  @Test
  void aJobTickingEveryMinuteReachesTheDatabaseOncePerHourAndLosesAnHourAnotherNodeClaimed() {
    String job = "it-" + UUID.randomUUID().toString().substring(0, 8);
    assertTrue(claims.claimThisHour(job, AT), "the first tick of the hour wins it");
    assertFalse(claims.claimThisHour(job, AT.plusSeconds(60)), "the next minute: decided already");
    assertFalse(claims.claimThisHour(job, AT.plusSeconds(50 * 60)), "the same hour");
    Instant later = AT.plusSeconds(2 * 60 * 60);
    assertTrue(claims.claim(job, JobClaims.hourOf(later), later), "another node claims a later hour first");
    assertFalse(claims.claimThisHour(job, later.plusSeconds(60)), "this node then skips that hour");
    assertFalse(claims.claimThisHour(job, later.plusSeconds(120)), "and does not ask again");
    Instant next = later.plusSeconds(60 * 60);
    assertTrue(claims.claimThisHour(job, next), "the hour after is a new hour");
    assertFalse(claims.claim(job, JobClaims.hourOf(next), next), "and its claim is in the table");
  }

  @Test
  void theSlotIsTheUtcHour() {
    assertEquals("2026-12-07T19", JobClaims.hourOf(AT));
    assertEquals("2026-12-07T20", JobClaims.hourOf(Instant.parse("2026-12-07T20:00:00Z")));
  }
}
