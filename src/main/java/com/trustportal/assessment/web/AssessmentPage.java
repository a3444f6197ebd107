package com.trustportal.assessment.web;

import com.trustportal.assessment.boundary.Assessments;
import com.trustportal.assessment.entity.AssessmentAttempt;
import com.trustportal.catalog.boundary.Catalog;
import com.trustportal.catalog.entity.Course;
import com.trustportal.catalog.entity.Question;
import com.trustportal.catalog.entity.Score;
import com.trustportal.identity.web.CurrentUser;
import com.trustportal.tenant.control.TenantContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The final assessment page: the questions of the learner's current attempt, then the score, what
 * each answer meant, and which objectives to review. Holds only ids and the chosen answers.
 */
@Named
@ViewScoped
public class AssessmentPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Assessments assessments;
  @Inject transient Catalog catalog;
  @Inject transient CurrentUser user;

  private String courseId;
  private String attemptId;
  private final HashMap<String, Integer> answers = new HashMap<>();
  private transient Course course;
  private transient AssessmentAttempt attempt;
  private transient List<AssessmentAttempt> history;
  private transient List<Question> questions = List.of();
  private transient Map<String, List<SelectItem>> options = Map.of();
  private transient List<String> toReview = List.of();
  private Score score;

  public void load() throws IOException {
    if (course() == null) {
      FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "no such course");
      FacesContext.getCurrentInstance().responseComplete();
      return;
    }
    attempt = assessments.startOrResume(user.get().accountId(), course());
    attemptId = attempt.id();
    refresh();
  }

  public void submit() {
    score = assessments.submit(user.get().accountId(), attemptId, course(), answers);
    attempt = assessments.attempt(user.get().accountId(), attemptId).orElseThrow();
    refresh();
  }

  private void refresh() {
    history = assessments.history(user.get().accountId(), courseId);
    questions = attempt.questions(course().assessment());
    Map<String, List<SelectItem>> byQuestion = new HashMap<>();
    for (Question q : questions) {
      List<SelectItem> items = new java.util.ArrayList<>();
      for (int i = 0; i < q.choices().size(); i++) {
        items.add(new SelectItem(i, q.choices().get(i).text()));
      }
      byQuestion.put(q.id(), items);
    }
    options = byQuestion;
    Map<String, Integer> given = attempt.answers();
    toReview = !attempt.isSubmitted() ? List.of() : questions.stream()
        .filter(q -> !q.isAnsweredCorrectlyBy(given.getOrDefault(q.id(), -1)))
        .map(q -> course().objective(q.objectiveId()).map(o -> o.text()).orElse(q.objectiveId()))
        .distinct().toList();
  }

  private Course course() {
    if (course == null && courseId != null) {
      course = catalog.course(TenantContext.require(), courseId).orElse(null);
    }
    return course;
  }

  public List<Question> getQuestions() {
    return questions;
  }

  public List<SelectItem> options(String questionId) {
    return options.getOrDefault(questionId, List.of());
  }

  /** Objectives of the questions answered wrongly, for "what to review". */
  public List<String> getToReview() {
    return toReview;
  }

  public boolean isSubmitted() {
    return attempt != null && attempt.isSubmitted();
  }

  public AssessmentAttempt getAttempt() {
    return attempt;
  }

  public List<AssessmentAttempt> getHistory() {
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
