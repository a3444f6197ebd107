package com.trustportal.assessment.boundary;

import com.trustportal.assessment.entity.AssessmentAttempt;
import com.trustportal.assessment.entity.AssessmentPassed;
import com.trustportal.catalog.entity.Course;
import com.trustportal.catalog.entity.Question;
import com.trustportal.catalog.entity.Score;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantData;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Final assessments of the current tenant's learners. Every attempt draws afresh; an attempt left
 * open (page reloaded, laptop closed between calls) is resumed with the same questions instead of
 * drawing new ones until the learner could pick an easy set.
 */
@Stateless
public class Assessments {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject @TenantData EntityManager em;
  @Inject Event<AssessmentPassed> passed;

  Clock clock = Clock.systemUTC();

  /** The learner's open attempt for this course, or a new one with a fresh draw. */
  public AssessmentAttempt startOrResume(String accountId, Course course) {
    return em.createNamedQuery(AssessmentAttempt.FIND_OPEN, AssessmentAttempt.class)
        .setParameter("account", accountId).setParameter("course", course.id())
        .getResultStream().findFirst()
        .orElseGet(() -> {
          List<Question> drawn = course.assessment().draw(RANDOM, course.assessment().drawCount());
          AssessmentAttempt attempt = new AssessmentAttempt(accountId, course.id(), course.version(), drawn,
              course.assessment().passPercent(), clock.instant());
          em.persist(attempt);
          return attempt;
        });
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
