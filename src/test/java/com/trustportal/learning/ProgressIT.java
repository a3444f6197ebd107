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
import com.trustportal.learning.entity.StepState;
import com.trustportal.tenant.IsolationProbe;
import com.trustportal.tenant.boundary.TenantProvisioning;
import com.trustportal.tenant.control.TenantConfig;
import com.trustportal.tenant.control.TenantContext;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
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
    as(a, () -> progress.record(learner, course, "m1-l1", StepAnswer.read(), 30));
    as(a, () -> progress.record(learner, course, "m1-check", StepAnswer.check(answers, false), 90));

    assertEquals(Set.of("m1-l1", "m1-check"), as(a, () -> progress.doneSteps(learner, course.id())));
    StepState check = as(a, () -> progress.state(learner, course.id(), "m1-check"));
    assertEquals(StepAnswer.check(answers, false).text(), check.answer());
    assertEquals(Boolean.FALSE, check.correct());
    assertEquals(90, check.secondsSpent());
    assertTrue(check.done());
    assertEquals("m1-l2", as(a, () -> progress.resumeStep(course, learner)).orElseThrow());
    assertEquals(Map.of(course.id(), Set.of("m1-l1", "m1-check")), as(a, () -> progress.doneStepsByCourse(learner)));
    assertNotNull(as(a, () -> probe.any(learner)).completedAt());
  }

  @Test
  void savingTheSameStepTwiceKeepsOneRowAndCompletesItOnce() {
    StepState first = as(a, () -> progress.record(learner, course, "m1-l1", StepAnswer.read(), 10));
    StepState second = as(a, () -> progress.record(learner, course, "m1-l1", StepAnswer.read(), 5));

    assertEquals(1L, (long) as(a, () -> probe.rows(learner)));
    assertEquals(15, second.secondsSpent());
    assertTrue(second.version() > first.version(), first + " then " + second);
    assertEquals(Set.of("m1-l1"), as(a, () -> progress.doneSteps(learner, course.id())));
  }

  @Test
  void eightConcurrentSavesOfOneStepLeaveExactlyOneRowAndReachNoCaller() throws Exception {
    List<Future<StepState>> saves = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      saves.add(executor.submit(() -> as(a, () -> progress.record(learner, course, "m1-l1", StepAnswer.read(), 1))));
    }
    for (Future<StepState> save : saves) {
      assertTrue(save.get().done());
    }

    assertEquals(1L, (long) as(a, () -> probe.rows(learner, "m1-l1")));
    assertEquals(8, as(a, () -> progress.state(learner, course.id(), "m1-l1")).secondsSpent(), "every save counted");
  }

  @Test
  void theSameAccountIdInTwoTenantsSeesOnlyItsOwnTenantsProgress() {
    as(a, () -> progress.record(learner, course, "m1-l1", StepAnswer.read(), 1));
    as(a, () -> progress.record(learner, course, "m1-l2", StepAnswer.read(), 1));
    as(b, () -> progress.record(learner, course, "m1-reflect", StepAnswer.reflection("Only in b"), 1));

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
    StepState seen = as(a, () -> progress.record(learner, course, "m1-reflect", StepAnswer.reflection("First"), 1));
    as(a, () -> progress.record(learner, course, "m1-reflect", StepAnswer.reflection("Second tab"), 1, seen.version()));

    StaleProgressException stale = assertThrows(StaleProgressException.class, () -> as(a,
        () -> progress.record(learner, course, "m1-reflect", StepAnswer.reflection("Old tab"), 1, seen.version())));

    assertEquals("Second tab", stale.latest().answer());
    assertEquals("Second tab", as(a, () -> progress.state(learner, course.id(), "m1-reflect")).answer());
    // repeating the answer that is stored (a double click) is never a conflict
    StepState repeat = as(a, () -> progress.record(learner, course, "m1-reflect", StepAnswer.reflection("Second tab"), 1,
        seen.version()));
    assertEquals("Second tab", repeat.answer());
  }

  @Test
  void aFirstSaveFromATabThatSawNothingIsRefusedWhenAnotherTabSavedADifferentAnswer() {
    as(a, () -> progress.record(learner, course, "m1-reflect", StepAnswer.reflection("Other tab"), 1));

    assertThrows(StaleProgressException.class, () -> as(a, () -> progress.record(learner, course, "m1-reflect",
        StepAnswer.reflection("This tab"), 1, StepState.NONE)));
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
