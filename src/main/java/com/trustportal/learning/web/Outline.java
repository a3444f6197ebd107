package com.trustportal.learning.web;

import com.trustportal.catalog.entity.Course;
import com.trustportal.catalog.entity.Module;
import com.trustportal.catalog.entity.Step;
import static com.trustportal.platform.web.Html.escape;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * The course outline beside the player: every module with its steps, each done, current or still to do. Built from
 * the same done steps as the position line, so both always agree. Not kept in the session: the player keeps only
 * which steps are done (a bit set) and rebuilds this in its transient {@link StepView}.
 */
public record Outline(List<Section> sections) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One module of the outline. */
  public record Section(int number, String title, List<Item> items) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** One step of the outline and its state for this learner. */
  public record Item(String stepId, String title, State state) implements Serializable {
    private static final long serialVersionUID = 1L;

    public boolean current() {
      return state == State.CURRENT;
    }
  }

  /** What the learner sees next to a step: words, not only a colour. */
  public enum State {
    DONE("Done"),
    CURRENT("Current step"),
    TO_DO("To do");

    private final String label;

    State(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public String css() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  public Outline {
    sections = List.copyOf(sections);
  }

  /** The outline of {@code course} for a learner who has done {@code done}, while looking at {@code currentStepId}. */
  public static Outline of(Course course, Set<String> done, String currentStepId) {
    List<Module> modules = course.modules();
    return new Outline(java.util.stream.IntStream.range(0, modules.size()).mapToObj(i -> new Section(i + 1,
        modules.get(i).title(), modules.get(i).steps().stream().map(s -> item(s, done, currentStepId)).toList()))
        .toList());
  }

  /**
   * The outline's list as the page shows it, one HTML string: every step a link to {@code <base>/learn/player.xhtml}
   * with its state in words. Written here rather than by a {@code ui:repeat} because the repeat spent some 300 EL
   * evaluations on a course of 40 steps, a third of a lesson page's time (docs/performance.md).
   */
  public String html(String base, String courseId) {
    String link = escape(base + "/learn/player.xhtml?course=" + courseId + "&step=");
    StringBuilder out = new StringBuilder(8192).append("<ol class=\"outline-modules\">");
    for (Section section : sections) {
      out.append("<li><p class=\"outline-module\">").append(section.number()).append(". ")
          .append(escape(section.title())).append("</p><ol class=\"outline-steps\">");
      for (Item item : section.items()) {
        out.append("<li class=\"outline-step ").append(item.state().css()).append("\"><a href=\"").append(link)
            .append(escape(item.stepId())).append("\" aria-current=\"").append(item.current() ? "step" : "false")
            .append("\"><span class=\"outline-step-title\">").append(escape(item.title()))
            .append("</span> <span class=\"state\">").append(item.state().label()).append("</span></a></li>");
      }
      out.append("</ol></li>");
    }
    return out.append("</ol>").toString();
  }

  private static Item item(Step step, Set<String> done, String currentStepId) {
    State state = step.id().equals(currentStepId) ? State.CURRENT
        : done.contains(step.id()) ? State.DONE : State.TO_DO;
    return new Item(step.id(), step.title(), state);
  }
}
