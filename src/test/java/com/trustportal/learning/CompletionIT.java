package com.trustportal.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.Deployments;
import com.trustportal.assessment.PassedEvents;
import com.trustportal.assessment.boundary.Assessments;
import com.trustportal.assessment.entity.AssessmentAttempt;
import com.trustportal.catalog.boundary.Catalog;
import com.trustportal.catalog.entity.Course;
import com.trustportal.catalog.entity.Question;
import com.trustportal.catalog.entity.Step;
import com.trustportal.learning.boundary.Completions;
import com.trustportal.learning.boundary.Progress;
import com.trustportal.learning.entity.CourseCompletion;
import com.trustportal.learning.entity.StepAnswer;
import com.trustportal.tenant.IsolationProbe;
import com.trustportal.tenant.boundary.TenantProvisioning;
import com.trustportal.tenant.control.TenantConfig;
import com.trustportal.tenant.control.TenantContext;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Course completion = all required steps + the final assessment passed, recorded and announced once. */
@ExtendWith(ArquillianExtension.class)
class CompletionIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(CompletionIT.class, IsolationProbe.class, CompletedEvents.class, PassedEvents.class, com.trustportal.assessment.WithoutMinimumTime.class);
  }

  @Inject Catalog catalog;
  @Inject Progress progress;
  @Inject Assessments assessments;
  @Inject Completions completions;
  @Inject TenantProvisioning provisioning;
  @Inject CompletedEvents events;
  @Resource ManagedExecutorService executor;

  private Course course;
  private String tenant;
  private String learner;

  @Inject IsolationProbe probe;

  /** A new learner in acme, a tenant that offers the course (a fresh tenant would offer nothing). */
  @BeforeEach
  void aNewLearnerOfAcme() {
    tenant = "acme";
    course = com.trustportal.assessment.WithoutMinimumTime.of(catalog.course(tenant, "collaborative-selling").orElseThrow());
    learner = as(() -> probe.create("rep-" + java.util.UUID.randomUUID() + "@acme.example", "New Rep"));
  }

  @Test
  void allStepsWithoutThePassedAssessmentIsNotACompletion() {
    doAllSteps();
    assertTrue(as(() -> completions.completeIfDone(learner, course)).isEmpty());
    assertEquals(0, events.countFor(tenant, learner));
  }

  @Test
  void passingTheAssessmentAfterTheLastStepCompletesTheCourseOnce() {
    java.time.Instant start = java.time.Instant.now();
    as(() -> progress.heartbeat(learner, course, "m1-l1", start));
    as(() -> progress.heartbeat(learner, course, "m1-l1", start.plusSeconds(20)));
    doAllSteps();
    passTheAssessment();

    Optional<CourseCompletion> completion = as(() -> completions.find(learner, course));
    assertTrue(completion.isPresent(), "the passed assessment must complete the course");
    assertEquals(100, completion.get().assessmentPercent());
    assertEquals(20, completion.get().secondsSpent(), "the completion carries the active time, not the wall clock");
    assertEquals(1, events.countFor(tenant, learner));
    assertEquals(completion.get().id(), as(() -> completions.completeIfDone(learner, course)).orElseThrow().id());
    assertEquals(1, events.countFor(tenant, learner));
  }

  @Test
  void theLastStepAfterAPassedAssessmentCompletesTheCourse() {
    passTheAssessment();
    List<Step> steps = course.steps();
    for (Step step : steps.subList(0, steps.size() - 1)) {
      as(() -> progress.record(learner, course, step.id(), StepAnswer.read()));
    }
    assertTrue(as(() -> completions.completeIfDone(learner, course)).isEmpty());
    Step last = steps.get(steps.size() - 1);
    as(() -> progress.record(learner, course, last.id(), StepAnswer.read()));
    assertTrue(as(() -> completions.completeIfDone(learner, course)).isPresent());
    assertEquals(1, events.countFor(tenant, learner));
  }

  @Test
  void afterASaveTheDoneStepsInMemoryDecideWhetherTheDatabaseIsAskedAtAll() {
    passTheAssessment();
    doAllSteps();
    java.util.Set<String> allButOne = new java.util.HashSet<>(as(() -> progress.doneSteps(learner, course.id())));
    allButOne.remove(course.steps().get(0).id());

    as(() -> {
      completions.recordIfDone(learner, course, allButOne);
      return null;
    });
    assertTrue(as(() -> completions.find(learner, course)).isEmpty(),
        "a done set with a step missing records nothing, whatever the database holds");
    assertEquals(0, events.countFor(tenant, learner));

    java.util.Set<String> all = as(() -> progress.doneSteps(learner, course.id()));
    as(() -> {
      completions.recordIfDone(learner, course, all);
      return null;
    });
    assertTrue(as(() -> completions.find(learner, course)).isPresent(), "every step done and the assessment passed");
    assertEquals(1, events.countFor(tenant, learner));
  }

  @Test
  void aCompletionDetectedEightTimesAtOnceIsRecordedAndAnnouncedOnce() throws Exception {
    passTheAssessment();
    // the steps are saved without the player's completion check, so eight requests detect it together
    doAllSteps();
    List<Future<Optional<CourseCompletion>>> racing = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      racing.add(executor.submit(() -> as(() -> completions.completeIfDone(learner, course))));
    }
    List<String> ids = new ArrayList<>();
    for (Future<Optional<CourseCompletion>> result : racing) {
      ids.add(result.get().orElseThrow().id());
    }
    assertEquals(1, ids.stream().distinct().count(), ids.toString());
    assertEquals(1, as(() -> completions.of(learner)).size());
    assertEquals(1, events.countFor(tenant, learner));
  }

  @Test
  void anotherTenantSeesNoCompletionOfThisLearner() {
    doAllSteps();
    passTheAssessment();
    TenantConfig other = IsolationProbe.tenant("done-other");
    TenantContext.runAs(other.slug(), () -> provisioning.apply(other));
    assertTrue(TenantContext.callAsUnchecked(other.slug(), () -> completions.of(learner)).isEmpty());
    assertTrue(TenantContext.callAsUnchecked(other.slug(), () -> completions.find(learner, course)).isEmpty());
  }

  private void doAllSteps() {
    for (Step step : course.steps()) {
      as(() -> progress.record(learner, course, step.id(), StepAnswer.read()));
    }
  }

  private void passTheAssessment() {
    AssessmentAttempt attempt = as(() -> assessments.startOrResume(learner, course));
    as(() -> assessments.submit(learner, attempt.id(), course, right(attempt)));
  }

  private Map<String, Integer> right(AssessmentAttempt attempt) {
    Map<String, Integer> answers = new HashMap<>();
    for (Question q : attempt.questions(course.assessment())) {
      answers.put(q.id(), q.correctChoice());
    }
    return answers;
  }

  private <T> T as(Supplier<T> work) {
    return TenantContext.callAsUnchecked(tenant, work);
  }
}
