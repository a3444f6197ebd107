package com.trustportal.team.control;

import com.trustportal.catalog.entity.Course;
import com.trustportal.catalog.entity.Module;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How far a group of learners got through a course, module by module in course order: how many started each module
 * (at least one of its current steps done) and how many completed it (every current step done). Fed one learner at a
 * time with the learner's done-step count per module, as the aggregate query returns it.
 */
public final class Funnel {

  /** One module's figures: {@code started} and {@code completed} of {@code learners} learners. */
  public record Stage(String moduleId, String title, int steps, int started, int completed, int learners)
      implements java.io.Serializable {

    public int startedPercent() {
      return learners == 0 ? 0 : started * 100 / learners;
    }

    public int completedPercent() {
      return learners == 0 ? 0 : completed * 100 / learners;
    }
  }

  private final List<Module> modules;
  private final int[] started;
  private final int[] completed;
  private int learners;

  public Funnel(Course course) {
    this.modules = Objects.requireNonNull(course, "course").modules();
    this.started = new int[modules.size()];
    this.completed = new int[modules.size()];
  }

  /** A learner who has done nothing yet: counted in the total only. */
  public void addIdle() {
    learners++;
  }

  /** One learner's done steps per module (same order as the course's modules). */
  public void add(int[] doneByModule) {
    if (doneByModule.length != modules.size()) {
      throw new IllegalArgumentException("expected " + modules.size() + " module counts, got " + doneByModule.length);
    }
    learners++;
    for (int m = 0; m < modules.size(); m++) {
      if (doneByModule[m] > 0) {
        started[m]++;
      }
      if (doneByModule[m] >= modules.get(m).steps().size()) {
        completed[m]++;
      }
    }
  }

  public List<Stage> stages() {
    List<Stage> stages = new ArrayList<>();
    for (int m = 0; m < modules.size(); m++) {
      Module module = modules.get(m);
      stages.add(new Stage(module.id(), module.title(), module.steps().size(), started[m], completed[m], learners));
    }
    return stages;
  }

  public int learners() {
    return learners;
  }
}
