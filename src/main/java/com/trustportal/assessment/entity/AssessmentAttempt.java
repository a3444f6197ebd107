package com.trustportal.assessment.entity;

import com.trustportal.catalog.entity.AssessmentSpec;
import com.trustportal.catalog.entity.Attempt;
import com.trustportal.catalog.entity.Question;
import com.trustportal.catalog.entity.Score;
import com.trustportal.tenant.entity.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One try at a course's final assessment: the questions drawn for it, the answers given and the
 * score. Attempts are never deleted or changed after submission, so the history shows every try.
 */
@Entity
@Table(name = "assessment_attempt")
@NamedQuery(name = AssessmentAttempt.FIND_BY_LEARNER, query =
    "select a from AssessmentAttempt a where a.accountId = :account and a.courseId = :course order by a.startedAt desc")
@NamedQuery(name = AssessmentAttempt.FIND_OPEN, query =
    "select a from AssessmentAttempt a where a.accountId = :account and a.courseId = :course and a.submittedAt is null")
@NamedQuery(name = AssessmentAttempt.FIND_PASSED, query =
    "select a from AssessmentAttempt a where a.accountId = :account and a.passed = true")
public class AssessmentAttempt extends TenantOwned {

  public static final String FIND_PASSED = "AssessmentAttempt.findPassed";
  public static final String FIND_BY_LEARNER = "AssessmentAttempt.findByLearner";
  public static final String FIND_OPEN = "AssessmentAttempt.findOpen";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "account_id", nullable = false, length = 36)
  private String accountId;

  @Column(name = "course_id", nullable = false, length = 100)
  private String courseId;

  @Column(name = "course_version", nullable = false)
  private int courseVersion;

  @Column(name = "question_ids", nullable = false, length = 2000)
  private String questionIds;

  @Column(length = 2000)
  private String answers;

  /** Per question, the file's choice indexes in the order this attempt shows them ("a01=2031,a02=1302"). */
  @Column(name = "choice_order", length = 2000)
  private String choiceOrder;

  @Column(name = "correct_count")
  private Integer correct;

  @Column(name = "question_count", nullable = false)
  private int total;

  @Column(name = "pass_percent", nullable = false)
  private int passPercent;

  private Integer percent;

  private Boolean passed;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "submitted_at")
  private Instant submittedAt;

  @Version
  private long version;

  protected AssessmentAttempt() {}

  public AssessmentAttempt(String accountId, String courseId, int courseVersion, List<Question> drawn, int passPercent, Instant at) {
    this(accountId, courseId, courseVersion, drawn, Map.of(), passPercent, at);
  }

  /**
   * A new attempt at these questions, each shown with its choices in the given order (file indexes; a question
   * without an order shows the file's order).
   */
  public AssessmentAttempt(String accountId, String courseId, int courseVersion, List<Question> drawn,
      Map<String, List<Integer>> choiceOrders, int passPercent, Instant at) {
    if (drawn.isEmpty()) {
      throw new IllegalArgumentException("an attempt needs questions");
    }
    this.id = UUID.randomUUID().toString();
    this.accountId = Objects.requireNonNull(accountId);
    this.courseId = Objects.requireNonNull(courseId);
    this.courseVersion = courseVersion;
    this.questionIds = drawn.stream().map(Question::id).collect(Collectors.joining(","));
    for (Question q : drawn) {
      List<Integer> order = choiceOrders.get(q.id());
      if (order != null && !isPermutation(order, q.choices().size())) {
        throw new IllegalArgumentException("choice order " + order + " does not fit question " + q.id());
      }
    }
    this.choiceOrder = drawn.stream().filter(q -> choiceOrders.containsKey(q.id()))
        .map(q -> q.id() + "=" + choiceOrders.get(q.id()).stream().map(String::valueOf).collect(Collectors.joining()))
        .collect(Collectors.joining(","));
    this.total = drawn.size();
    this.passPercent = passPercent;
    this.startedAt = Objects.requireNonNull(at);
  }

  /**
   * Scores the answers against the course's bank and closes the attempt. Submitting again returns
   * the same result: a retried request cannot change a recorded attempt.
   */
  public Score submit(AssessmentSpec spec, Map<String, Integer> given, Instant at) {
    if (isSubmitted()) {
      return new Score(correct, total);
    }
    List<Question> questions = questions(spec);
    Attempt attempt = Attempt.of(questions, passPercent);
    for (Question q : questions) {
      Integer choice = given.get(q.id());
      if (choice != null && choice >= 0 && choice < q.choices().size()) {
        attempt = attempt.answer(q.id(), choice);
      }
    }
    Score score = attempt.score();
    this.answers = attempt.answers().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    this.correct = score.correct();
    this.percent = score.percent();
    this.passed = score.reaches(passPercent);
    this.submittedAt = Objects.requireNonNull(at);
    return score;
  }

  /** The drawn questions, looked up in the bank; a question removed from the bank since is skipped. */
  public List<Question> questions(AssessmentSpec spec) {
    return Arrays.stream(questionIds.split(",")).map(spec::question).flatMap(java.util.Optional::stream).toList();
  }

  /**
   * The file's choice indexes of a question in the order this attempt shows them; the file's order when none was
   * recorded (attempts from before shuffling) or the recorded one no longer fits the question (the bank changed).
   */
  public List<Integer> choiceOrder(Question question) {
    int size = question.choices().size();
    if (choiceOrder != null && !choiceOrder.isEmpty()) {
      for (String pair : choiceOrder.split(",")) {
        int eq = pair.indexOf('=');
        if (pair.substring(0, eq).equals(question.id())) {
          List<Integer> order = pair.substring(eq + 1).chars().map(c -> c - '0').boxed().toList();
          if (isPermutation(order, size)) {
            return order;
          }
        }
      }
    }
    return java.util.stream.IntStream.range(0, size).boxed().toList();
  }

  private static boolean isPermutation(List<Integer> order, int size) {
    return order.size() == size && size <= 10 && order.stream().distinct().count() == size
        && order.stream().allMatch(i -> i >= 0 && i < size);
  }

  /** Ids of the questions this attempt drew, in the order shown. */
  public java.util.Set<String> questionIds() {
    return new java.util.LinkedHashSet<>(Arrays.asList(questionIds.split(",")));
  }

  public Map<String, Integer> answers() {
    Map<String, Integer> map = new LinkedHashMap<>();
    if (answers != null && !answers.isEmpty()) {
      for (String pair : answers.split(",")) {
        String[] kv = pair.split("=");
        map.put(kv[0], Integer.valueOf(kv[1]));
      }
    }
    return map;
  }

  public boolean isSubmitted() {
    return submittedAt != null;
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

  public int percent() {
    return percent == null ? 0 : percent;
  }

  public boolean passed() {
    return Boolean.TRUE.equals(passed);
  }

  public int correct() {
    return correct == null ? 0 : correct;
  }

  public int total() {
    return total;
  }

  public int passPercent() {
    return passPercent;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant submittedAt() {
    return submittedAt;
  }
}
