package com.trustportal.learning.web;

import com.trustportal.catalog.entity.Course;
import com.trustportal.learning.entity.CourseProgress;
import java.time.LocalDate;

/** One course on "My learning": what it is, how far the learner got, and where its button leads. */
public record CourseCard(String courseId, String title, String summary, int minutes, int percent, String status,
    String action, String href, LocalDate due) {

  static CourseCard of(CourseProgress progress) {
    return of(progress, null);
  }

  /** A card with a due date (a recertification round's, until the round is completed). */
  static CourseCard of(CourseProgress progress, LocalDate due) {
    Course course = progress.course();
    CourseProgress.Status status = progress.status();
    String action = switch (status) {
      case NOT_STARTED -> "Start";
      case IN_PROGRESS -> "Continue";
      case ASSESSMENT_DUE -> "Take the final assessment";
      case COMPLETED -> "Review";
    };
    // a finished course is reviewed from its beginning; otherwise the learner goes on where they left off
    String href = switch (status) {
      case ASSESSMENT_DUE -> "/learn/assessment.xhtml?course=" + course.id();
      case COMPLETED -> player(course.id(), course.steps().get(0).id());
      default -> player(course.id(), progress.resumeStepId());
    };
    return new CourseCard(course.id(), course.title(), course.summary(), course.minutes(),
        progress.completion().percent(), status.label(), action, href,
        status == CourseProgress.Status.COMPLETED ? null : due);
  }

  private static String player(String courseId, String stepId) {
    return "/learn/player.xhtml?course=" + courseId + "&step=" + stepId;
  }
}
