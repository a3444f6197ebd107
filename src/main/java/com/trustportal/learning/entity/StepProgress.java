package com.trustportal.learning.entity;

import com.trustportal.tenant.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One learner's record of one step of a course: the latest answer, whether it was right, and when it was first
 * completed. (Time spent is active time, kept apart in {@link StepTime}.) There is at most one per tenant, account, course and step (a unique key), so a
 * retried save updates instead of counting twice. Stored against the step's stable id, so editing a course keeps it.
 */
@Entity
@Table(name = "step_progress")
@NamedQuery(name = StepProgress.FIND_STEP, query = "select p from StepProgress p"
    + " where p.accountId = :account and p.courseId = :course and p.stepId = :step")
@NamedQuery(name = StepProgress.FIND_DONE, query = "select p.stepId from StepProgress p"
    + " where p.accountId = :account and p.courseId = :course and p.completedAt is not null")
@NamedQuery(name = StepProgress.FIND_IN_COURSE, query = "select p.stepId, p.answer, p.correct, p.completedAt, p.version"
    + " from StepProgress p where p.accountId = :account and p.courseId = :course")
@NamedQuery(name = StepProgress.FIND_DONE_BY_COURSE, query = "select p.courseId, p.stepId from StepProgress p"
    + " where p.accountId = :account and p.completedAt is not null")
public class StepProgress extends TenantOwned {

  public static final String FIND_STEP = "StepProgress.findStep";
  public static final String FIND_DONE = "StepProgress.findDone";
  /** Every row of one learner in one course, as {@code stepId, answer, correct, completedAt, version}. */
  public static final String FIND_IN_COURSE = "StepProgress.findInCourse";
  public static final String FIND_DONE_BY_COURSE = "StepProgress.findDoneByCourse";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "account_id", nullable = false, length = 36)
  private String accountId;

  @Column(name = "course_id", nullable = false, length = 100)
  private String courseId;

  @Column(name = "course_version", nullable = false)
  private int courseVersion;

  @Column(name = "step_id", nullable = false, length = 100)
  private String stepId;

  @Column(length = StepAnswer.MAX_LENGTH)
  private String answer;

  private Boolean correct;

  @Column(name = "completed_at", nullable = false)
  private Instant completedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  private long version;

  protected StepProgress() {}

  /** The first save of a step: it is complete from now on. */
  public StepProgress(String accountId, String courseId, int courseVersion, String stepId, StepAnswer answer,
      Instant at) {
    this.id = UUID.randomUUID().toString();
    this.accountId = Objects.requireNonNull(accountId, "accountId");
    this.courseId = Objects.requireNonNull(courseId, "courseId");
    this.stepId = Objects.requireNonNull(stepId, "stepId");
    this.completedAt = Objects.requireNonNull(at, "at");
    complete(courseVersion, answer, at);
  }

  /**
   * Another save of the step: the answer becomes the latest one, and the first completion time stays, so completing
   * twice still counts once.
   */
  public void complete(int courseVersion, StepAnswer answer, Instant at) {
    Objects.requireNonNull(answer, "answer");
    this.courseVersion = courseVersion;
    this.answer = answer.text();
    this.correct = answer.correct();
    if (completedAt == null) {
      completedAt = Objects.requireNonNull(at, "at");
    }
    this.updatedAt = at;
  }

  /** Whether {@code other} is exactly the answer stored, i.e. saving it again changes nothing. */
  public boolean holds(StepAnswer other) {
    return Objects.equals(answer, other.text()) && Objects.equals(correct, other.correct());
  }

  public StepState state() {
    return new StepState(stepId, answer, correct, completedAt != null, version);
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

  public String stepId() {
    return stepId;
  }

  public String answer() {
    return answer;
  }

  public Boolean correct() {
    return correct;
  }

  public Instant completedAt() {
    return completedAt;
  }

  public long version() {
    return version;
  }
}
