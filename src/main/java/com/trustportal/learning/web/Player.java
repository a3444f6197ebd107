package com.trustportal.learning.web;

import com.trustportal.catalog.boundary.Catalog;
import com.trustportal.catalog.entity.Conversation;
import com.trustportal.catalog.entity.Course;
import com.trustportal.catalog.entity.KnowledgeCheck;
import com.trustportal.catalog.entity.Practice;
import com.trustportal.catalog.entity.Reflection;
import com.trustportal.catalog.entity.Score;
import com.trustportal.catalog.entity.Step;
import com.trustportal.identity.web.CurrentUser;
import com.trustportal.learning.boundary.Completions;
import com.trustportal.learning.boundary.Progress;
import com.trustportal.learning.boundary.StaleProgressException;
import com.trustportal.learning.entity.CourseProgress;
import com.trustportal.learning.entity.Position;
import com.trustportal.learning.entity.PracticeAnswer;
import com.trustportal.learning.entity.StepAnswer;
import com.trustportal.learning.entity.StepInCourse;
import com.trustportal.learning.entity.StepState;
import com.trustportal.tenant.control.TenantContext;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The module player: one step of a course, its position, and the step's own interaction (read, check, reflect,
 * role-play). It keeps only ids and the learner's small in-progress state; the content is looked up again in the
 * in-memory {@link Catalog} (never the database) whenever the transient view of it is missing. On a lesson the page is a
 * stateless view ({@link PlayerRequest}): the player is then new on every request, post-backs included, and loads the
 * step again from the request's course and step (one query).
 */
@Named
@ViewScoped
public class Player implements Serializable {

  static final String STALE = "This step was saved in another tab; reloaded the latest.";
  private static final long serialVersionUID = 1L;

  @Inject Catalog catalog;
  @Inject transient Progress progress;
  @Inject transient Completions completions;
  @Inject CurrentUser user;
  @Inject transient PlayerRequest request;

  private String courseId;
  private String stepId;
  private Position position;
  /** The steps done, by index in the course: a few bytes, since every open view of the player stays in the session. */
  private final BitSet done = new BitSet();
  private StepState saved;
  private final Map<String, Integer> selections = new LinkedHashMap<>();
  private boolean checked;
  private String reflection;
  private final PracticeForm practice = new PracticeForm();
  private final ArrayList<Integer> path = new ArrayList<>();
  private transient StepView view;

  /** View action: resolves course and step (resuming when no step is given) and loads the learner's saved state. */
  public String open() {
    Course course = courseId == null ? null : catalog.course(TenantContext.require(), courseId).orElse(null);
    if (course == null) {
      return "/learn/index.xhtml?faces-redirect=true";
    }
    if (stepId == null || course.step(stepId).isEmpty()) {
      return "/learn/player.xhtml?faces-redirect=true&course=" + courseId + "&step="
          + progress.resumeStep(course, accountId()).orElseThrow();
    }
    reload(progress.open(accountId(), courseId, stepId));
    return null;
  }

  public String markRead() {
    if (!save(StepAnswer.read())) {
      return null;
    }
    String next = position.nextStepId();
    return next == null ? "/learn/index.xhtml?faces-redirect=true"
        : "/learn/player.xhtml?faces-redirect=true&course=" + courseId + "&step=" + next;
  }

  public void checkAnswers() {
    Map<String, Integer> answers = view().validChoices(selections);
    save(StepAnswer.check(answers, view().allCorrect(answers)));
  }

  public void saveReflection() {
    if (reflection == null || reflection.isBlank()) {
      message(FacesMessage.SEVERITY_ERROR, "Write your reflection before saving.");
    } else if (save(StepAnswer.reflection(reflection))) {
      message(FacesMessage.SEVERITY_INFO, "Your reflection is saved.");
    }
  }

  /** Saves the practice reply with the self-check as far as it is answered; the model answer shows once saved. */
  public void savePractice() {
    String problem = practice.problem();
    if (problem != null) {
      message(FacesMessage.SEVERITY_ERROR, problem);
      return;
    }
    boolean first = !saved.done();
    PracticeAnswer answer = practice.answer(!first);
    if (save(answer.toStepAnswer())) {
      message(FacesMessage.SEVERITY_INFO, first ? "Your reply is saved. Compare it with the model answer below."
          : answer.selfChecked() ? "Your reply and self-check are saved." : "Saved. Answer every self-check question.");
    }
  }


  /**
   * Takes reply {@code index} at the node the page showed (request parameter {@code node}); a click rendered for an
   * earlier node (a double click that got through) is ignored rather than applied to the wrong line.
   */
  public void reply(int index) {
    String shown = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("node");
    Conversation now = view().conversation(path);
    if (now.isOver() || !now.current().orElseThrow().id().equals(shown)
        || index < 0 || index >= now.current().orElseThrow().replies().size()) {
      return;
    }
    path.add(index);
    view = null;
    if (view().conversation(path).isOver()) {
      save(StepAnswer.rolePlay(path));
    }
  }

  /** The page's heartbeat (learn/heartbeat.js): the learner is active on this step; the server decides what it is worth. */
  public void heartbeat() {
    adoptStatelessRequest(); // a heartbeat needs only the step, not the saved state
    progress.heartbeat(accountId(), view().course(), stepId);
  }

  public void playAgain() {
    path.clear();
    view = null;
  }

  /** Saves against the version this page saw; a different answer saved meanwhile elsewhere is reloaded instead. */
  private boolean save(StepAnswer answer) {
    try {
      StepState state = progress.record(accountId(), view().course(), stepId, answer, saved.version());
      Set<String> done = progress.doneSteps(accountId(), courseId);
      reload(new StepInCourse(state, done));
      completions.recordIfDone(accountId(), view().course(), done);
      return true;
    } catch (StaleProgressException e) {
      reload(new StepInCourse(e.latest(), progress.doneSteps(accountId(), courseId)));
      message(FacesMessage.SEVERITY_WARN, STALE);
      return false;
    }
  }

  private void reload(StepInCourse opened) {
    StepState state = opened.state();
    saved = state;
    view = null;
    Course course = view().course();
    Set<String> doneIds = opened.done();
    position = new CourseProgress(course, doneIds).positionOf(stepId).orElseThrow();
    done.clear();
    List<Step> steps = course.steps();
    for (int i = 0; i < steps.size(); i++) {
      done.set(i, doneIds.contains(steps.get(i).id()));
    }
    selections.clear();
    selections.putAll(view().validChoices(StepAnswer.checkChoices(state.answer())));
    checked = view().step() instanceof KnowledgeCheck check && selections.size() == check.questions().size();
    reflection = view().step() instanceof Reflection ? state.answer() : null;
    practice.load(view().step() instanceof Practice ? state.answer() : null);
    path.clear();
    path.addAll(view().validPath(StepAnswer.rolePlayPath(state.answer())));
  }

  private StepView view() {
    if (adoptStatelessRequest()) {
      // a post-back reaches here (deciding what the form holds) before the view parameters reach the model
      reload(progress.open(accountId(), courseId, stepId));
    }
    if (courseId == null) {
      // Faces discarded this view's state (a session with more pages open at once than it keeps views for) while
      // the page still renders: say "expired, reload" (errors/expired.html) instead of failing with a 500
      throw new ViewExpiredException("the player's state was discarded; reload the page",
          FacesContext.getCurrentInstance().getViewRoot().getViewId());
    }
    if (view == null) {
      view = new StepView(catalog.course(TenantContext.require(), courseId).orElseThrow(), stepId);
    }
    return view;
  }

  /**
   * On a stateless lesson this bean is new on every request, post-backs included: takes the course and step the
   * request names ({@link PlayerRequest}). True when it did, i.e. nothing of the step is loaded yet.
   */
  private boolean adoptStatelessRequest() {
    if (courseId != null || !request.isStateless()) {
      return false;
    }
    courseId = request.courseId();
    stepId = request.stepId();
    return true;
  }

  private String accountId() {
    return user.get().accountId();
  }

  private static void message(FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
  }

  public Step getStep() {
    return view().step();
  }

  public String getKind() {
    return view().kind();
  }

  public Map<String, Feedback> getFeedback() {
    return checked ? view().feedback(selections) : Map.of();
  }

  /** The knowledge check's score once answers are checked ("3 of 4 right"); null before. */
  public Score getScore() {
    return checked ? view().score(selections) : null;
  }

  public Conversation getConversation() {
    return view().conversation(path);
  }

  /** The replies on offer now; none once the conversation is over (also while an action that ended it broadcasts). */
  public List<com.trustportal.catalog.entity.Reply> getReplies() {
    return getConversation().current().map(n -> n.replies()).orElse(List.of());
  }

  public String getNodeId() {
    return getConversation().current().map(n -> n.id()).orElse("");
  }

  public List<Exchange> getTranscript() {
    return view().transcript(path);
  }

  public Position getPosition() {
    return position;
  }

  /** The course outline's list as HTML, its links under {@code base} (the tenant's path prefix). */
  public String outlineHtml(String base) {
    return view().outline(done).html(base, courseId);
  }

  /** Per question, the file's choice indexes in the order this learner sees them (radio values stay file indexes). */
  public Map<String, List<Integer>> getChoiceOrder() {
    return view().choiceOrder(accountId());
  }

  public Map<String, Integer> getSelections() {
    return selections;
  }

  public boolean isChecked() {
    return checked;
  }

  public String getReflection() {
    return reflection;
  }

  public void setReflection(String reflection) {
    this.reflection = reflection;
  }

  public PracticeForm getPractice() {
    return practice;
  }

  /** Whether the practice reply is saved, so the model answer and the self-check may show. */
  public boolean isPracticeSaved() {
    return saved.done() && practice.hasReply();
  }

  public String getCourseId() {
    return courseId;
  }

  public void setCourseId(String courseId) {
    this.courseId = courseId;
  }

  public String getStepId() {
    return stepId;
  }

  public void setStepId(String stepId) {
    this.stepId = stepId;
  }

  /** Boundaries are transient (an EJB reference does not serialise): look them up again after a fail-over. */
  private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
    in.defaultReadObject();
    com.trustportal.platform.web.Injection.restore(this);
  }
}
