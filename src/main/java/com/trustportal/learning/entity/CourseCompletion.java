package com.trustportal.learning.entity;

import com.trustportal.catalog.entity.Course;
import com.trustportal.tenant.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A learner completed a course version: every required step done and the final assessment passed.
 * One row per learner, course, version and round (a unique key), so completion is recorded exactly once
 * however often it is detected.
 *
 * <p>This row is what "completed" means everywhere ({@link #counts}): My learning, the team page, the admin's
 * dashboard, the API, reminders and certificates all ask the same rule, so a course edit cannot make them disagree.
 */
@Entity
@Table(name = "course_completion")
@NamedQuery(name = CourseCompletion.FIND_BY_COURSE, query =
    "select c from CourseCompletion c where c.accountId = :account and c.courseId = :course")
@NamedQuery(name = CourseCompletion.FIND_BY_LEARNER, query =
    "select c from CourseCompletion c where c.accountId = :account order by c.completedAt desc")
public class CourseCompletion extends TenantOwned {

  public static final String FIND_BY_COURSE = "CourseCompletion.findByCourse";
  public static final String FIND_BY_LEARNER = "CourseCompletion.findByLearner";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "account_id", nullable = false, length = 36)
  private String accountId;

  @Column(name = "course_id", nullable = false, length = 100)
  private String courseId;

  @Column(name = "course_version", nullable = false)
  private int courseVersion;

  @Column(name = "assessment_percent", nullable = false)
  private int assessmentPercent;

  @Column(name = "seconds_spent", nullable = false)
  private long secondsSpent;

  @Column(name = "completed_at", nullable = false)
  private Instant completedAt;

  @Column(name = "round_no", nullable = false)
  private int round = CourseRound.FIRST;

  protected CourseCompletion() {}

  /**
   * The one rule for "completed": a learner has completed a course when a completion of the course's current
   * version is recorded for the learner's current round. Steps done and assessments passed only lead to that
   * record ({@code learning.boundary.Completions}); they never stand in for it. So an author decides with the
   * version number what an edit means: the same version keeps every completion (a new step is offered, not
   * required, to those who finished), a new version asks everyone to finish again.
   *
   * @param currentRound the learner's current round of the course ({@link CourseRound#FIRST} unless a
   *     recertification round was opened)
   */
  public static boolean counts(int completedVersion, int completedRound, Course course, int currentRound) {
    return completedVersion == course.version() && completedRound == currentRound;
  }

  /** Whether this completion makes the learner complete in {@code course} as it is now ({@link #counts}). */
  public boolean counts(Course course, int currentRound) {
    return courseId.equals(course.id()) && counts(courseVersion, round, course, currentRound);
  }

  public CourseCompletion(String accountId, String courseId, int courseVersion, int round, int assessmentPercent,
      long secondsSpent, Instant at) {
    this.round = round;
    this.id = UUID.randomUUID().toString();
    this.accountId = Objects.requireNonNull(accountId);
    this.courseId = Objects.requireNonNull(courseId);
    this.courseVersion = courseVersion;
    this.assessmentPercent = assessmentPercent;
    this.secondsSpent = secondsSpent;
    this.completedAt = Objects.requireNonNull(at);
  }

  public String id() {
    return id;
  }

  public String accountId() {
    return accountId;
  }

  public String courseId() {
    return courseId;
  }

  public int courseVersion() {
    return courseVersion;
  }

  public int assessmentPercent() {
    return assessmentPercent;
  }

  public long secondsSpent() {
    return secondsSpent;
  }

  public Instant completedAt() {
    return completedAt;
  }

  /** Which pass through the course this completes: 1, or a later recertification round. */
  public int round() {
    return round;
  }
}
