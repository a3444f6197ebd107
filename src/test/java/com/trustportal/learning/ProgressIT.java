package com.trustportal.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.Deployments;
import com.trustportal.catalog.boundary.Catalog;
import com.trustportal.catalog.entity.Course;
import com.trustportal.learning.boundary.Progress;
import com.trustportal.learning.boundary.StaleProgressException;
import com.trustportal.learning.entity.StepAnswer;
import com.trustportal.learning.entity.StepInCourse;
import com.trustportal.learning.entity.StepState;
import com.trustportal.learning.entity.StepTime;
import com.trustportal.tenant.IsolationProbe;
import com.trustportal.tenant.boundary.TenantProvisioning;
import com.trustportal.tenant.control.TenantConfig;
import com.trustportal.tenant.control.TenantContext;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Progress against the real database: saved and read back per tenant, idempotent, safe under concurrent saves of one
 * step, guarded against a stale tab, and isolated between tenants. Each test provisions two fresh tenants and uses a
 * fresh account id, so tests depend neither on each other nor on the demo data. The course is the shipped one, as
 * the catalogue offers it to the demo tenant acme; its content does not depend on the tenant that records progress.
 */
@ExtendWith(ArquillianExtension.class)
class ProgressIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(ProgressIT.class, ProgressProbe.class, IsolationProbe.class);
  }

  @Inject Progress progress;
  @Inject ProgressProbe probe;
  @Inject TenantProvisioning provisioning;
  @Inject Catalog catalog;
  @Resource ManagedExecutorService executor;

  private String a;
  private String b;
  private String learner;
  private Course course;

  @BeforeEach
  void twoTenantsAndALearnerId() {
    TenantConfig first = IsolationProbe.tenant("progress-a");
    TenantConfig second = IsolationProbe.tenant("progress-b");
    a = first.slug();
    b = second.slug();
    TenantContext.runAs(a, () -> provisioning.apply(first));
    TenantContext.runAs(b, () -> provisioning.apply(second));
    learner = UUID.randomUUID().toString();
    course = catalog.course("acme", "collaborative-selling").orElseThrow();
  }

  @Test
  void progressIsSavedAndReadBackInItsTenant() {
    Map<String, Integer> answers = new LinkedHashMap<>(Map.of("m1-q1", 3, "m1-q2", 0));
    as(a, () -> progress.record(learner, course, "m1-l1", StepAnswer.read()));
    as(a, () -> progress.record(learner, course, "m1-check", StepAnswer.check(answers, false)));

    assertEquals(Set.of("m1-l1", "m1-check"), as(a, () -> progress.doneSteps(learner, course.id())));
    StepState check = as(a, () -> progress.state(learner, course.id(), "m1-check"));
    assertEquals(StepAnswer.check(answers, false).text(), check.answer());
    assertEquals(Boolean.FALSE, check.correct());
    assertTrue(check.done());
    assertEquals("m1-l2", as(a, () -> progress.resumeStep(course, learner)).orElseThrow());
    assertEquals(Map.of(course.id(), Set.of("m1-l1", "m1-check")), as(a, () -> progress.doneStepsByCourse(learner)));
    assertNotNull(as(a, () -> probe.any(learner)).completedAt());
  }

  @Test
  void openingAStepReadsItsSavedStateAndTheCoursesDoneStepsTogether() {
    Map<String, Integer> answers = new LinkedHashMap<>(Map.of("m1-q1", 3, "m1-q2", 0));
    as(a, () -> progress.record(learner, course, "m1-l1", StepAnswer.read()));
    StepState saved = as(a, () -> progress.record(learner, course, "m1-check", StepAnswer.check(answers, false)));
    as(b, () -> progress.record(learner, course, "m1-l2", StepAnswer.read()));

    StepInCourse check = as(a, () -> progress.open(learner, course.id(), "m1-check"));
    assertEquals(saved, check.state());
    assertEquals(as(a, () -> progress.state(learner, course.id(), "m1-check")), check.state());
    assertEquals(Set.of("m1-l1", "m1-check"), check.done(), "another tenant's step is not among them");

    StepInCourse fresh = as(a, () -> progress.open(learner, course.id(), "m1-l2"));
    assertEquals(StepState.none("m1-l2"), fresh.state());
    assertEquals(Set.of("m1-l1", "m1-check"), fresh.done());
    assertEquals(Set.of(), as(a, () -> progress.open(learner, "another-course", "m1-l1")).done());
  }

  @Test
  void savingTheSameStepTwiceKeepsOneRowAndCompletesItOnce() {
    StepState first = as(a, () -> progress.record(learner, course, "m1-l1", StepAnswer.read()));
    StepState second = as(a, () -> progress.record(learner, course, "m1-l1", StepAnswer.read()));

    assertEquals(1L, (long) as(a, () -> probe.rows(learner)));
    assertTrue(second.version() > first.version(), first + " then " + second);
    assertEquals(Set.of("m1-l1"), as(a, () -> progress.doneSteps(learner, course.id())));
  }

  @Test
  void eightConcurrentSavesOfOneStepLeaveExactlyOneRowAndReachNoCaller() throws Exception {
    List<Future<StepState>> saves = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      saves.add(executor.submit(() -> as(a, () -> progress.record(learner, course, "m1-l1", StepAnswer.read()))));
    }
    for (Future<StepState> save : saves) {
      assertTrue(save.get().done());
    }

    assertEquals(1L, (long) as(a, () -> probe.rows(learner, "m1-l1")));
  }

  @Test
  void theSameAccountIdInTwoTenantsSeesOnlyItsOwnTenantsProgress() {
    as(a, () -> progress.record(learner, course, "m1-l1", StepAnswer.read()));
    as(a, () -> progress.record(learner, course, "m1-l2", StepAnswer.read()));
    as(b, () -> progress.record(learner, course, "m1-reflect", StepAnswer.reflection("Only in b")));

    assertEquals(Set.of("m1-l1", "m1-l2"), as(a, () -> progress.doneSteps(learner, course.id())));
    assertEquals(Set.of("m1-reflect"), as(b, () -> progress.doneSteps(learner, course.id())));
    assertEquals(2L, (long) as(a, () -> probe.rows(learner)));
    assertEquals(1L, (long) as(b, () -> probe.rows(learner)));
    assertEquals(null, as(a, () -> progress.state(learner, course.id(), "m1-reflect")).answer());
    assertEquals("m1-l3", as(a, () -> progress.resumeStep(course, learner)).orElseThrow());
    assertEquals("m1-l1", as(b, () -> progress.resumeStep(course, learner)).orElseThrow());
  }

  @Test
  void aSaveFromATabThatMissedAnotherTabsAnswerIsRefusedAndChangesNothing() {
    StepState seen = as(a, () -> progress.record(learner, course, "m1-reflect", StepAnswer.reflection("First")));
    as(a, () -> progress.record(learner, course, "m1-reflect", StepAnswer.reflection("Second tab"), seen.version()));

    StaleProgressException stale = assertThrows(StaleProgressException.class, () -> as(a,
        () -> progress.record(learner, course, "m1-reflect", StepAnswer.reflection("Old tab"), seen.version())));

    assertEquals("Second tab", stale.latest().answer());
    assertEquals("Second tab", as(a, () -> progress.state(learner, course.id(), "m1-reflect")).answer());
    // repeating the answer that is stored (a double click) is never a conflict
    StepState repeat = as(a, () -> progress.record(learner, course, "m1-reflect", StepAnswer.reflection("Second tab"),
        seen.version()));
    assertEquals("Second tab", repeat.answer());
  }

  @Test
  void aFirstSaveFromATabThatSawNothingIsRefusedWhenAnotherTabSavedADifferentAnswer() {
    as(a, () -> progress.record(learner, course, "m1-reflect", StepAnswer.reflection("Other tab")));

    assertThrows(StaleProgressException.class, () -> as(a, () -> progress.record(learner, course, "m1-reflect",
        StepAnswer.reflection("This tab"), StepState.NONE)));
  }

  @Test
  void aBurstOfHeartbeatsWithinASecondAddsNothing() {
    Instant start = Instant.now();
    for (int i = 0; i < 50; i++) {
      Instant at = start.plusMillis(i * 15L);
      as(a, () -> progress.heartbeat(learner, course, "m1-l1", at));
    }
    assertEquals(0, (long) as(a, () -> progress.activeSeconds(learner, course.id())));
  }

  @Test
  void aParallelBurstOfHeartbeatsCannotCountTheSameGapTwice() throws Exception {
    Instant start = Instant.now();
    as(a, () -> progress.heartbeat(learner, course, "m1-l1", start));
    List<Future<Long>> burst = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      burst.add(executor.submit(() -> as(a, () -> progress.heartbeat(learner, course, "m1-l1", start.plusSeconds(20)))));
    }
    for (Future<Long> beat : burst) {
      beat.get();
    }
    assertEquals(20, (long) as(a, () -> progress.activeSeconds(learner, course.id())));
  }

  @Test
  void twoHeartbeatsTwentySecondsApartAddTwentySeconds() {
    Instant start = Instant.now();
    as(a, () -> progress.heartbeat(learner, course, "m1-l1", start));
    long credited = as(a, () -> progress.heartbeat(learner, course, "m1-l1", start.plusSeconds(20)));

    assertEquals(20, credited);
    assertEquals(20, (long) as(a, () -> progress.activeSeconds(learner, course.id())));
    assertEquals(Set.of(), as(a, () -> progress.doneSteps(learner, course.id())), "time on a step does not complete it");
  }

  @Test
  void aLongGapAddsOnlyTheCapAndMovingToTheNextStepKeepsCounting() {
    Instant start = Instant.now();
    as(a, () -> progress.heartbeat(learner, course, "m1-l1", start));
    as(a, () -> progress.heartbeat(learner, course, "m1-l1", start.plusSeconds(600)));
    as(a, () -> progress.heartbeat(learner, course, "m1-l2", start.plusSeconds(615)));

    assertEquals(StepTime.MAX_CREDIT.toSeconds() + 15, (long) as(a, () -> progress.activeSeconds(learner, course.id())));
  }

  @Test
  void twoTabsSideBySideDoNotCountDouble() {
    Instant start = Instant.now();
    as(a, () -> progress.heartbeat(learner, course, "m1-l1", start));
    as(a, () -> progress.heartbeat(learner, course, "m1-l2", start.plusSeconds(1)));
    as(a, () -> progress.heartbeat(learner, course, "m1-l1", start.plusSeconds(15)));
    as(a, () -> progress.heartbeat(learner, course, "m1-l2", start.plusSeconds(16)));

    assertEquals(16, (long) as(a, () -> progress.activeSeconds(learner, course.id())));
  }

  @Test
  void anotherLearnersAndAnotherTenantsTimeIsUntouched() {
    String other = UUID.randomUUID().toString();
    Instant start = Instant.now();
    as(a, () -> progress.heartbeat(other, course, "m1-l1", start));
    as(a, () -> progress.heartbeat(other, course, "m1-l1", start.plusSeconds(10)));
    as(b, () -> progress.heartbeat(learner, course, "m1-l1", start));
    as(b, () -> progress.heartbeat(learner, course, "m1-l1", start.plusSeconds(25)));

    as(a, () -> progress.heartbeat(learner, course, "m1-l1", start.plusSeconds(30)));
    as(a, () -> progress.heartbeat(learner, course, "m1-l1", start.plusSeconds(50)));

    assertEquals(20, (long) as(a, () -> progress.activeSeconds(learner, course.id())));
    assertEquals(10, (long) as(a, () -> progress.activeSeconds(other, course.id())));
    assertEquals(25, (long) as(b, () -> progress.activeSeconds(learner, course.id())));
    assertEquals(0, (long) as(b, () -> progress.activeSeconds(other, course.id())));
  }

  static <T> T as(String tenant, Callable<T> work) {
    try {
      return TenantContext.callAs(tenant, work);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
