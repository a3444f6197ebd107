package com.trustportal.learning.entity;

import com.trustportal.catalog.entity.Completion;
import com.trustportal.catalog.entity.Course;
import com.trustportal.catalog.entity.Module;
import com.trustportal.catalog.entity.Step;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A learner's done steps read against a course as it is now: completion of the steps, status, where to resume and
 * where a step sits in the course. Done ids of removed steps are ignored and added steps count as not done, so a
 * course edit neither inflates nor breaks any of these figures. Whether the course is completed is not worked out
 * here: {@code completed} is the recorded completion ({@link CourseCompletion#counts}), the one rule every reader
 * shares.
 */
public record CourseProgress(Course course, Set<String> done, boolean completed) {

  public enum Status {
    NOT_STARTED("Not started"),
    IN_PROGRESS("In progress"),
    ASSESSMENT_DUE("Final assessment due"),
    COMPLETED("Completed");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public CourseProgress {
    Objects.requireNonNull(course, "course");
    done = Set.copyOf(Objects.requireNonNull(done, "done"));
  }

  /** Progress through the steps only, for the player (where the course is not recorded as completed). */
  public CourseProgress(Course course, Set<String> done) {
    this(course, done, false);
  }

  public Completion completion() {
    return course.completion(done);
  }

  /**
   * Completed when the completion is recorded (even if the author has since added a step without a new version);
   * otherwise the steps decide: none done, some done, or all done and the final assessment still to pass.
   */
  public Status status() {
    if (completed) {
      return Status.COMPLETED;
    }
    Completion completion = completion();
    if (completion.isComplete()) {
      return Status.ASSESSMENT_DUE;
    }
    return completion.done() == 0 ? Status.NOT_STARTED : Status.IN_PROGRESS;
  }

  /** The first step not done yet, in course order; the last step once everything is done. */
  public String resumeStepId() {
    List<Step> steps = course.steps();
    return steps.stream().filter(s -> !done.contains(s.id())).findFirst().orElse(steps.get(steps.size() - 1)).id();
  }

  /** Where {@code stepId} sits in the course, or empty when the course has no such step. */
  public Optional<Position> positionOf(String stepId) {
    List<Step> steps = course.steps();
    int index = -1;
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).id().equals(stepId)) {
        index = i;
      }
    }
    if (index < 0) {
      return Optional.empty();
    }
    Module module = course.moduleOf(stepId).orElseThrow();
    int moduleNumber = course.modules().indexOf(module) + 1;
    int stepNumber = module.steps().indexOf(steps.get(index)) + 1;
    return Optional.of(new Position(module.title(), moduleNumber, course.modules().size(), stepNumber,
        module.steps().size(), completion().percent(),
        index > 0 ? steps.get(index - 1).id() : null,
        index < steps.size() - 1 ? steps.get(index + 1).id() : null));
  }
}
