package com.trustportal.assessment.boundary;

import com.trustportal.assessment.entity.AssessmentAttempt;
import com.trustportal.assessment.entity.AssessmentPassed;
import com.trustportal.catalog.entity.AssessmentPolicy;
import com.trustportal.catalog.entity.AssessmentSpec;
import com.trustportal.catalog.entity.Course;
import com.trustportal.catalog.entity.Question;
import com.trustportal.catalog.entity.Score;
import com.trustportal.learning.boundary.Progress;
import com.trustportal.tenant.control.TenantConfig;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantDirectory;
import com.trustportal.tenant.control.TenantData;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;

/**
 * Final assessments of the current tenant's learners. Every attempt draws afresh, fairly: every objective gets its
 * share, the previous attempt's questions stay out while the bank allows, and each question's choices come in an
 * order of their own, recorded with the attempt. An attempt left open (page reloaded, laptop closed between calls) is
 * resumed with the same questions and order instead of drawing new ones until the learner could pick an easy set.
 * A new attempt opens only within the {@link AssessmentPolicy} (the course's, with the tenant's overrides): enough
 * active time in the course, and no cooling-off after failures in a row.
 */
@Stateless
public class Assessments {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject @TenantData EntityManager em;
  @Inject Event<AssessmentPassed> passed;
  @Inject TenantDirectory tenants;
  @Inject Progress progress;

  Clock clock = Clock.systemUTC();

  /**
   * The learner's open attempt for this course, or a new one with a fresh, fair draw.
   *
   * @throws AssessmentClosed when no attempt is open and the policy does not let a new one start now
   */
  public AssessmentAttempt startOrResume(String accountId, Course course) {
    Optional<AssessmentAttempt> open = em.createNamedQuery(AssessmentAttempt.FIND_OPEN, AssessmentAttempt.class)
        .setParameter("account", accountId).setParameter("course", course.id())
        .getResultStream().findFirst();
    if (open.isPresent()) {
      return open.get();
    }
    List<AssessmentAttempt> history = history(accountId, course.id());
    closedFor(accountId, course, history).ifPresent(closed -> {
      throw closed;
    });
    Set<String> previous = history.stream().filter(AssessmentAttempt::isSubmitted).findFirst()
        .map(AssessmentAttempt::questionIds).orElse(Set.of());
    List<Question> drawn = course.assessment().drawFair(RANDOM, previous);
    Map<String, List<Integer>> orders = new HashMap<>();
    drawn.forEach(q -> orders.put(q.id(), AssessmentSpec.shuffledChoices(q, RANDOM)));
    AssessmentAttempt attempt = new AssessmentAttempt(accountId, course.id(), course.version(), drawn, orders,
        course.assessment().passPercent(), clock.instant());
    em.persist(attempt);
    return attempt;
  }

  /** Why a new attempt cannot start now, if it cannot (an open attempt is always resumed). */
  public Optional<AssessmentClosed> closedFor(String accountId, Course course) {
    return closedFor(accountId, course, history(accountId, course.id()));
  }

  private Optional<AssessmentClosed> closedFor(String accountId, Course course, List<AssessmentAttempt> history) {
    AssessmentPolicy policy = policy(course);
    List<AssessmentAttempt> submitted = history.stream().filter(AssessmentAttempt::isSubmitted)
        .sorted(Comparator.comparing(AssessmentAttempt::submittedAt).reversed()).toList();
    int failuresInARow = (int) submitted.stream().takeWhile(a -> !a.passed()).count();
    if (policy.pausesAfter(failuresInARow)) {
      Instant opensAt = submitted.get(0).submittedAt().plus(policy.coolingOff());
      if (clock.instant().isBefore(opensAt)) {
        return Optional.of(AssessmentClosed.coolingOff(failuresInARow, opensAt));
      }
    }
    if (policy.minimumActiveMinutes() > 0 && submitted.isEmpty()) {
      long minutes = progress.activeSeconds(accountId, course.id()) / 60;
      if (minutes < policy.minimumActiveMinutes()) {
        return Optional.of(AssessmentClosed.tooLittleTime(minutes, policy.minimumActiveMinutes()));
      }
    }
    return Optional.empty();
  }

  /** The course's assessment policy with the current tenant's overrides applied. */
  public AssessmentPolicy policy(Course course) {
    AssessmentPolicy policy = course.assessment().policy();
    TenantConfig.AssessmentOverrides o = tenants.bySlug(TenantContext.require())
        .map(TenantConfig::assessment).orElse(TenantConfig.AssessmentOverrides.NONE);
    return policy.overriddenBy(o.coolingOffAfter(), o.coolingOffHours(), o.showCorrectAnswers(), o.minimumActiveMinutes());
  }

  /** Scores an attempt of this learner; a repeated submit returns the recorded score unchanged. */
  public Score submit(String accountId, String attemptId, Course course, Map<String, Integer> answers) {
    AssessmentAttempt attempt = em.find(AssessmentAttempt.class, attemptId, LockModeType.OPTIMISTIC);
    if (attempt == null || !attempt.accountId().equals(accountId)) {
      throw new IllegalArgumentException("no attempt " + attemptId + " for this learner");
    }
    boolean wasOpen = !attempt.isSubmitted();
    Instant now = clock.instant();
    Score score = attempt.submit(course.assessment(), answers, now);
    if (wasOpen && attempt.passed()) {
      em.flush();
      passed.fire(new AssessmentPassed(TenantContext.require(), accountId, course.id(), course.version(), score.percent(), now));
    }
    return score;
  }

  public Optional<AssessmentAttempt> attempt(String accountId, String attemptId) {
    return Optional.ofNullable(em.find(AssessmentAttempt.class, attemptId)).filter(a -> a.accountId().equals(accountId));
  }

  /** Every attempt of the learner at this course, newest first. */
  public List<AssessmentAttempt> history(String accountId, String courseId) {
    return em.createNamedQuery(AssessmentAttempt.FIND_BY_LEARNER, AssessmentAttempt.class)
        .setParameter("account", accountId).setParameter("course", courseId).getResultList();
  }

  public boolean hasPassed(String accountId, String courseId) {
    return history(accountId, courseId).stream().anyMatch(AssessmentAttempt::passed);
  }

  /** The best passing score of the learner at this course, if any. */
  public Optional<Integer> bestPassingPercent(String accountId, String courseId) {
    return bestPassingPercent(accountId, courseId, Instant.EPOCH);
  }

  /** The best score of an attempt submitted at or after {@code since} that passed (a recertification round). */
  public Optional<Integer> bestPassingPercent(String accountId, String courseId, Instant since) {
    return history(accountId, courseId).stream()
        .filter(a -> a.passed() && !a.submittedAt().isBefore(since))
        .map(AssessmentAttempt::percent).max(Integer::compare);
  }

  /** When the learner last passed each course's final assessment (one query, for "My learning"). */
  public Map<String, Instant> lastPassed(String accountId) {
    Map<String, Instant> last = new java.util.HashMap<>();
    em.createNamedQuery(AssessmentAttempt.FIND_PASSED, AssessmentAttempt.class).setParameter("account", accountId)
        .getResultList().forEach(a -> last.merge(a.courseId(), a.submittedAt(), (x, y) -> x.isAfter(y) ? x : y));
    return last;
  }
}
