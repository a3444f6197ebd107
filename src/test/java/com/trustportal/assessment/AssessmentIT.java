package com.trustportal.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.Deployments;
import com.trustportal.assessment.boundary.AssessmentClosed;
import com.trustportal.assessment.boundary.Assessments;
import com.trustportal.assessment.entity.AssessmentAttempt;
import com.trustportal.catalog.boundary.Catalog;
import com.trustportal.catalog.entity.Course;
import com.trustportal.catalog.entity.Question;
import com.trustportal.catalog.entity.Score;
import com.trustportal.identity.boundary.Accounts;
import com.trustportal.tenant.IsolationProbe;
import com.trustportal.tenant.boundary.TenantProvisioning;
import com.trustportal.tenant.control.TenantConfig;
import com.trustportal.tenant.control.TenantContext;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Final assessment attempts recorded per learner and tenant, against the shipped course. */
@ExtendWith(ArquillianExtension.class)
class AssessmentIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.portal(AssessmentIT.class, IsolationProbe.class, PassedEvents.class, WithoutMinimumTime.class);
  }

  @Inject Assessments assessments;
  @Inject Catalog catalog;
  @Inject Accounts accounts;
  @Inject TenantProvisioning provisioning;
  @Inject PassedEvents events;

  @jakarta.annotation.Resource(lookup = "java:app/jdbc/portal")
  javax.sql.DataSource dataSource;

  private Course shipped;
  private Course course;
  private String tenant;
  private String learner;

  @BeforeEach
  void aLearnerOfAFreshTenant() {
    shipped = catalog.course("acme", "collaborative-selling").orElseThrow();
    course = WithoutMinimumTime.of(shipped);
    TenantConfig config = IsolationProbe.tenant("assess", "rep@assess.example");
    tenant = config.slug();
    TenantContext.runAs(tenant, () -> provisioning.apply(config));
    learner = TenantContext.callAsUnchecked(tenant, () -> accounts.byEmail("rep@assess.example").orElseThrow().id());
  }

  @Test
  void anAttemptDrawsTenDistinctQuestionsAndAReloadResumesTheSameDraw() {
    AssessmentAttempt first = as(() -> assessments.startOrResume(learner, course));
    AssessmentAttempt resumed = as(() -> assessments.startOrResume(learner, course));
    List<Question> questions = first.questions(course.assessment());

    assertEquals(10, questions.size());
    assertEquals(10, questions.stream().map(Question::id).distinct().count());
    assertEquals(first.id(), resumed.id());
  }

  @Test
  void allRightPassesOnceAndARepeatedSubmitChangesNothing() {
    AssessmentAttempt attempt = as(() -> assessments.startOrResume(learner, course));
    Map<String, Integer> right = answers(attempt, true);

    Score score = as(() -> assessments.submit(learner, attempt.id(), course, right));
    Score again = as(() -> assessments.submit(learner, attempt.id(), course, answers(attempt, false)));

    assertEquals(100, score.percent());
    assertEquals(score, again);
    assertTrue(as(() -> assessments.hasPassed(learner, course.id())));
    assertEquals(1, events.countFor(tenant, learner));
  }

  @Test
  void belowThePassMarkFailsAndARetakeDrawsAFreshAttemptKeepingTheHistory() {
    AssessmentAttempt first = as(() -> assessments.startOrResume(learner, course));
    Map<String, Integer> sevenRight = answers(first, true);
    first.questions(course.assessment()).stream().limit(3).forEach(q -> sevenRight.put(q.id(), (q.correctChoice() + 1) % q.choices().size()));

    Score failed = as(() -> assessments.submit(learner, first.id(), course, sevenRight));
    AssessmentAttempt retake = as(() -> assessments.startOrResume(learner, course));

    assertEquals(70, failed.percent());
    assertFalse(as(() -> assessments.hasPassed(learner, course.id())));
    assertEquals(0, events.countFor(tenant, learner));
    assertNotEquals(first.id(), retake.id());
    List<AssessmentAttempt> history = as(() -> assessments.history(learner, course.id()));
    assertEquals(Set.of(first.id(), retake.id()), history.stream().map(AssessmentAttempt::id).collect(Collectors.toSet()));
  }

  @Test
  void anotherTenantCannotSeeOrSubmitTheAttempt() {
    AssessmentAttempt attempt = as(() -> assessments.startOrResume(learner, course));
    TenantConfig other = IsolationProbe.tenant("assess-other");
    TenantContext.runAs(other.slug(), () -> provisioning.apply(other));

    assertTrue(TenantContext.callAsUnchecked(other.slug(), () -> assessments.attempt(learner, attempt.id())).isEmpty());
    assertTrue(TenantContext.callAsUnchecked(other.slug(), () -> assessments.history(learner, course.id())).isEmpty());
    Exception refused = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
        () -> TenantContext.callAsUnchecked(other.slug(), () -> assessments.submit(learner, attempt.id(), course, answers(attempt, true))));
    assertTrue(String.valueOf(refused).contains("no attempt") || String.valueOf(refused.getCause()).contains("no attempt"), refused.toString());
  }

  @Test
  void theShippedCourseOpensItsAssessmentOnlyAfterTheMinimumActiveTime() {
    AssessmentClosed closed = org.junit.jupiter.api.Assertions.assertThrows(AssessmentClosed.class,
        () -> as(() -> assessments.startOrResume(learner, shipped)));

    assertEquals(AssessmentClosed.Reason.TOO_LITTLE_TIME, closed.reason());
    assertEquals(0, closed.activeMinutes());
    assertEquals(shipped.assessment().policy().minimumActiveMinutes(), closed.requiredMinutes());
    assertTrue(closed.requiredMinutes() > 0, "the shipped course asks for active time first");
    assertTrue(as(() -> assessments.history(learner, course.id())).isEmpty(), "nothing was started");
  }

  @Test
  void aTenantOverridesTheCoursePolicyForItsOwnLearnersOnly() {
    // acme (tenants/acme/tenant.yaml) opens the assessment without minimum time; the probe tenant has no overrides
    assertEquals(0, TenantContext.callAsUnchecked("acme", () -> assessments.policy(shipped)).minimumActiveMinutes());
    assertEquals(shipped.assessment().policy().minimumActiveMinutes(), as(() -> assessments.policy(shipped)).minimumActiveMinutes());
  }

  @Test
  void everyAttemptCoversEveryObjectiveTwiceRepeatsNoQuestionOfTheLastAndKeepsItsChoiceOrder() {
    java.util.Set<String> previous = Set.of();
    for (int i = 0; i < 3; i++) {
      AssessmentAttempt attempt = as(() -> assessments.startOrResume(learner, course));
      AssessmentAttempt resumed = as(() -> assessments.startOrResume(learner, course));
      List<Question> questions = attempt.questions(course.assessment());
      Map<String, Long> perObjective = questions.stream()
          .collect(Collectors.groupingBy(Question::objectiveId, Collectors.counting()));
      assertEquals(course.objectives().size(), perObjective.size(), "objectives covered: " + perObjective);
      perObjective.values().forEach(n -> assertTrue(n >= 2, perObjective.toString()));
      for (Question q : questions) {
        assertEquals(attempt.choiceOrder(q), resumed.choiceOrder(q), "the order survives a reload");
        assertEquals(q.choices().size(), Set.copyOf(attempt.choiceOrder(q)).size());
      }
      Set<String> ids = questions.stream().map(Question::id).collect(Collectors.toSet());
      java.util.Set<String> repeated = new java.util.HashSet<>(ids);
      repeated.retainAll(previous);
      assertEquals(Set.of(), repeated, "attempt " + (i + 1) + " repeats the previous one");
      previous = ids;
      as(() -> assessments.submit(learner, attempt.id(), course, answers(attempt, true)));
    }
  }

  @Test
  void twoFailuresInARowCloseTheAssessmentForADayThenOneMoreAttemptOpens() throws Exception {
    for (int i = 0; i < 2; i++) {
      AssessmentAttempt attempt = as(() -> assessments.startOrResume(learner, course));
      as(() -> assessments.submit(learner, attempt.id(), course, answers(attempt, false)));
    }
    AssessmentClosed closed = org.junit.jupiter.api.Assertions.assertThrows(AssessmentClosed.class,
        () -> as(() -> assessments.startOrResume(learner, course)));
    assertEquals(AssessmentClosed.Reason.COOLING_OFF, closed.reason());
    java.time.Instant lastSubmitted = as(() -> assessments.history(learner, course.id())).get(0).submittedAt();
    assertEquals(lastSubmitted.plus(java.time.Duration.ofHours(24)), closed.opensAt());
    assertEquals(2, as(() -> assessments.history(learner, course.id())).size(), "no attempt was started");

    submittedHoursAgo(25);
    AssessmentAttempt third = as(() -> assessments.startOrResume(learner, course));
    as(() -> assessments.submit(learner, third.id(), course, answers(third, true)));
    assertTrue(as(() -> assessments.hasPassed(learner, course.id())), "a pass ends the streak of failures");
  }

  /** Moves this learner's attempts back in time, below the ORM, as if the hours had passed. */
  private void submittedHoursAgo(int hours) throws java.sql.SQLException {
    java.sql.Timestamp then = java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofHours(hours)));
    try (var c = dataSource.getConnection(); var update = c.prepareStatement(
        "UPDATE assessment_attempt SET started_at = ?, submitted_at = ? WHERE tenant_id = ? AND account_id = ?")) {
      update.setTimestamp(1, then);
      update.setTimestamp(2, then);
      update.setString(3, tenant);
      update.setString(4, learner);
      assertEquals(2, update.executeUpdate());
    }
  }

  private Map<String, Integer> answers(AssessmentAttempt attempt, boolean right) {
    Map<String, Integer> answers = new HashMap<>();
    for (Question q : attempt.questions(course.assessment())) {
      answers.put(q.id(), right ? q.correctChoice() : (q.correctChoice() + 1) % q.choices().size());
    }
    return answers;
  }

  private <T> T as(java.util.function.Supplier<T> work) {
    return TenantContext.callAsUnchecked(tenant, work);
  }
}
