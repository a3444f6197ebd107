package com.trustportal.enrolment.web;

import com.trustportal.enrolment.boundary.CourseEnrolments;
import com.trustportal.enrolment.boundary.LearnerChangeRefused;
import com.trustportal.enrolment.boundary.Learners;
import com.trustportal.identity.web.CurrentUser;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * "Enrol in a course" on the learner list: the learner picked in the list, or a whole team (chosen from
 * the organisation's teams), in one of the courses it offers, with an optional due date.
 */
@Named
@ViewScoped
public class CourseEnrolmentForm implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A course to choose: id and title only (the view keeps this, not the whole course). */
  public record Choice(String id, String title) implements Serializable {}

  @Inject transient CourseEnrolments enrolments;
  @Inject transient Learners learners;
  @Inject CurrentUser user;

  private List<String> teams = List.of();
  private List<Choice> courses = List.of();
  private String learnerId;
  private String learnerName;
  private String team;
  private String courseId;
  private LocalDate due;
  private String result;
  private boolean refused;

  public void load() {
    teams = learners.teams(user.get());
    courses = enrolments.courses(user.get()).stream().map(c -> new Choice(c.id(), c.title())).toList();
    if (courses.size() == 1) {
      courseId = courses.get(0).id();
    }
  }

  /** The learner list's "Enrol" button: this learner instead of a team. */
  public void pick(String accountId, String name) {
    learnerId = accountId;
    learnerName = name;
  }

  public void clear() {
    learnerId = null;
    learnerName = null;
  }

  public void enrol() {
    try {
      String title = courses.stream().filter(c -> c.id().equals(courseId)).map(Choice::title).findFirst().orElse(courseId);
      String when = due == null ? "" : ", due " + due;
      if (learnerId != null) {
        enrolments.enrolLearner(user.get(), learnerId, courseId, due);
        message(FacesMessage.SEVERITY_INFO, learnerName + " is enrolled in " + title + when + ".");
      } else {
        int n = enrolments.enrolTeam(user.get(), team, courseId, due);
        message(FacesMessage.SEVERITY_INFO, n + " active member(s) of team " + team + " enrolled in " + title + when + ".");
      }
    } catch (LearnerChangeRefused e) {
      message(FacesMessage.SEVERITY_ERROR, e.getMessage());
    } catch (EJBException e) {
      message(FacesMessage.SEVERITY_ERROR, (e.getCause() == null ? e : e.getCause()).getMessage());
    }
  }

  /** Shown in the enrolment panel itself (not the page's messages, which other actions on the list use). */
  private void message(FacesMessage.Severity severity, String text) {
    result = text;
    refused = severity == FacesMessage.SEVERITY_ERROR;
  }

  public String getResult() { return result; }
  public boolean isRefused() { return refused; }
  public List<String> getTeams() { return teams; }
  public List<Choice> getCourses() { return courses; }
  public String getLearnerName() { return learnerName; }
  public String getTeam() { return team; }
  public void setTeam(String team) { this.team = team; }
  public String getCourseId() { return courseId; }
  public void setCourseId(String courseId) { this.courseId = courseId; }
  public LocalDate getDue() { return due; }
  public void setDue(LocalDate due) { this.due = due; }

  /** Boundaries are transient (an EJB reference does not serialise): look them up again after a fail-over. */
  private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
    in.defaultReadObject();
    com.trustportal.platform.web.Injection.restore(this);
  }
}
