package com.trustportal.assessment.web;

import com.trustportal.assessment.boundary.AssessmentClosed;
import com.trustportal.assessment.boundary.Assessments;
import com.trustportal.assessment.entity.AssessmentAttempt;
import com.trustportal.catalog.boundary.Catalog;
import com.trustportal.catalog.entity.Course;
import com.trustportal.catalog.entity.Objective;
import com.trustportal.catalog.entity.Question;
import com.trustportal.catalog.entity.Score;
import com.trustportal.identity.web.CurrentUser;
import com.trustportal.learning.boundary.Completions;
import com.trustportal.tenant.control.TenantContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The final assessment page: the questions of the learner's current attempt, each with its choices in the attempt's
 * order; then the score and, per objective, how it went and which lessons to review. The bank's right answers are
 * shown only when the assessment policy says so. When no attempt may start (cooling-off, too little active time in
 * the course), the page says why and when. Holds only ids, the chosen answers and the closed state.
 */
@Named
@ViewScoped
public class AssessmentPage implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final java.time.format.DateTimeFormatter WHEN =
      java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", java.util.Locale.ENGLISH);

  @Inject transient Assessments assessments;
  @Inject transient Catalog catalog;
  @Inject transient CurrentUser user;
  @Inject transient Completions completions;

  private String courseId;
  private String attemptId;
  private final HashMap<String, Integer> answers = new HashMap<>();
  private AssessmentClosed.Reason closed;
  private Instant opensAt;
  private long activeMinutes;
  private int requiredMinutes;
  private Score score;
  private transient Course course;
  private transient AssessmentAttempt attempt;
  private transient List<AssessmentAttempt> history;
  private transient List<Question> questions = List.of();
  private transient Map<String, List<SelectItem>> options = Map.of();
  private transient List<ObjectiveResult> objectives = List.of();
  private transient Boolean completed;

  public void load() throws IOException {
    if (course() == null) {
      FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "no such course");
      FacesContext.getCurrentInstance().responseComplete();
      return;
    }
    try {
      attempt = assessments.startOrResume(user.get().accountId(), course());
      attemptId = attempt.id();
    } catch (AssessmentClosed e) {
      closed = e.reason();
      opensAt = e.opensAt();
      activeMinutes = e.activeMinutes();
      requiredMinutes = e.requiredMinutes();
    }
    refresh();
    if (closed == AssessmentClosed.Reason.COOLING_OFF) {
      // what to review while waiting: the objectives of the attempt that started the pause
      getHistory().stream().filter(AssessmentAttempt::isSubmitted).findFirst()
          .ifPresent(last -> objectives = objectiveResults(last, last.questions(course().assessment())));
    }
  }

  public void submit() {
    if (attemptId == null) {
      return;
    }
    score = assessments.submit(user.get().accountId(), attemptId, course(), answers);
    attempt = assessments.attempt(user.get().accountId(), attemptId).orElseThrow();
    refresh();
  }

  private void refresh() {
    history = assessments.history(user.get().accountId(), courseId);
    if (attempt == null && attemptId != null) {
      attempt = assessments.attempt(user.get().accountId(), attemptId).orElse(null);
    }
    if (attempt == null) {
      return;
    }
    questions = attempt.questions(course().assessment());
    Map<String, List<SelectItem>> byQuestion = new HashMap<>();
    for (Question q : questions) {
      List<SelectItem> items = new ArrayList<>();
      // the value is the file's index (what is stored and scored); only the order on the page is the attempt's
      attempt.choiceOrder(q).forEach(i -> items.add(new SelectItem(i, q.choices().get(i).text())));
      byQuestion.put(q.id(), items);
    }
    options = byQuestion;
    objectives = attempt.isSubmitted() ? objectiveResults(attempt, questions) : List.of();
  }

  private List<ObjectiveResult> objectiveResults(AssessmentAttempt attempt, List<Question> questions) {
    Map<String, Integer> given = attempt.answers();
    List<ObjectiveResult> results = new ArrayList<>();
    for (Objective o : course().objectives()) {
      List<Question> asked = questions.stream().filter(q -> q.objectiveId().equals(o.id())).toList();
      if (asked.isEmpty()) {
        continue;
      }
      int right = (int) asked.stream()
          .filter(q -> given.containsKey(q.id()) && q.isAnsweredCorrectlyBy(given.get(q.id()))).count();
      results.add(new ObjectiveResult(o.id(), o.text(), right, asked.size(),
          right < asked.size() ? course().lessonsFor(o.id()) : List.of()));
    }
    return results;
  }

  /**
   * After a session moved between nodes: the services are looked up again, and the attempt, its questions and the
   * history (kept out of the session: the view keeps only ids and answers) are read again on first use, so that the
   * learner's next post finds its form (cluster.FailoverIT).
   */
  private void readObject(java.io.ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    com.trustportal.platform.web.Injection.restore(this);
    questions = List.of();
    options = Map.of();
    objectives = List.of();
  }

  /** The transient view of the attempt, read again from its id when this bean came from another node. */
  private void reloadIfMoved() {
    if (attempt == null && attemptId != null) {
      refresh();
    }
  }

  private Course course() {
    if (course == null && courseId != null) {
      course = catalog.course(TenantContext.require(), courseId).orElse(null);
    }
    return course;
  }

  public List<Question> getQuestions() {
    reloadIfMoved();
    return questions;
  }

  public List<SelectItem> options(String questionId) {
    reloadIfMoved();
    return options.getOrDefault(questionId, List.of());
  }

  /** Per objective of the attempt: right of asked, and the lessons to review when something was missed. */
  public List<ObjectiveResult> getObjectives() {
    reloadIfMoved();
    return objectives;
  }

  /** Whether the result may show each question's right answer (the assessment policy's review setting). */
  public boolean isShowCorrectAnswers() {
    return course() != null && assessments.policy(course()).showCorrectAnswers();
  }

  /** The retake rule in force, for the page: the course's policy with the tenant's overrides. */
  public String getRetakeRule() {
    if (course() == null) {
      return "";
    }
    var policy = assessments.policy(course());
    if (!policy.pausesAfter(policy.coolingOffAfter())) {
      return "If you do not pass, you can retake it with different questions.";
    }
    long hours = policy.coolingOff().toHours();
    return "If you do not pass, you can retake it with different questions; after " + policy.coolingOffAfter()
        + (policy.coolingOffAfter() == 1 ? " attempt" : " attempts in a row") + " that do not pass, the next one opens "
        + (hours % 24 == 0 ? (hours / 24 == 1 ? "a day" : hours / 24 + " days") : hours + (hours == 1 ? " hour" : " hours"))
        + " later.";
  }

  /** Whether the learner has completed the course (the certificate is issued on completion). */
  public boolean isCompleted() {
    if (completed == null) {
      completed = course() != null && completions.find(user.get().accountId(), course()).isPresent();
    }
    return completed;
  }

  public boolean isSubmitted() {
    reloadIfMoved();
    return attempt != null && attempt.isSubmitted();
  }

  /** Why no attempt could start: {@code COOLING_OFF} or {@code TOO_LITTLE_TIME}; null when an attempt is on. */
  public String getClosed() {
    return closed == null ? null : closed.name();
  }

  /** When the cooling-off ends, for people: "8 December 2026, 16:05 UTC". */
  public String getOpensAt() {
    return when(opensAt);
  }

  /** A moment for people: "8 December 2026, 16:05 UTC"; empty for none. */
  public String when(Instant at) {
    return at == null ? "" : WHEN.format(at.atZone(java.time.ZoneOffset.UTC));
  }

  public long getActiveMinutes() {
    return activeMinutes;
  }

  public int getRequiredMinutes() {
    return requiredMinutes;
  }

  public AssessmentAttempt getAttempt() {
    reloadIfMoved();
    return attempt;
  }

  public List<AssessmentAttempt> getHistory() {
    reloadIfMoved();
    return history == null ? List.of() : history;
  }

  public String getCourseTitle() {
    return course() == null ? "" : course().title();
  }

  public Map<String, Integer> getAnswers() {
    return answers;
  }

  public Map<String, Integer> getGiven() {
    return attempt == null ? Map.of() : attempt.answers();
  }

  public String getCourseId() {
    return courseId;
  }

  public void setCourseId(String courseId) {
    this.courseId = courseId;
  }

  public Score getScore() {
    return score;
  }
}
