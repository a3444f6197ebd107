package com.trustportal.team.control;

import com.trustportal.catalog.entity.Behaviour;
import com.trustportal.catalog.entity.Conversation;
import com.trustportal.catalog.entity.Reply;
import com.trustportal.catalog.entity.RolePlay;
import com.trustportal.learning.entity.StepAnswer;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which collaborative behaviours a group chooses well or badly in the role-plays: per subject (a module or a
 * learner) and behaviour, how many of the replies showing that behaviour were good ones (they raised the buyer's
 * trust) out of all replies showing it. Built from stored role-play paths, each with how many learners chose it.
 */
public final class HeatMap implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  /** Good replies out of all replies chosen for one behaviour and subject. */
  public record Cell(long good, long total) implements java.io.Serializable {

    public static final Cell EMPTY = new Cell(0, 0);

    Cell plus(boolean isGood, long count) {
      return new Cell(good + (isGood ? count : 0), total + count);
    }

    /** Whole percent of good choices, rounded down; -1 when nothing was chosen. */
    public int percent() {
      return total == 0 ? -1 : (int) (good * 100 / total);
    }

    /** A colour band for the page: {@code none}, {@code poor} (under 50 %), {@code mixed} (under 75 %), {@code good}. */
    public String level() {
      int p = percent();
      return p < 0 ? "none" : p < 50 ? "poor" : p < 75 ? "mixed" : "good";
    }

    /** The text shown in the cell: the colour is never the only carrier of the figure. */
    public String text() {
      return total == 0 ? "no choices" : percent() + " % (" + good + " of " + total + ")";
    }
  }

  private final Map<String, Map<Behaviour, Cell>> cells = new LinkedHashMap<>();

  /** Declares a subject (row or column), so subjects without any choice still show up, in this order. */
  public HeatMap subject(String subject) {
    cells.computeIfAbsent(subject, s -> new EnumMap<>(Behaviour.class));
    return this;
  }

  /**
   * Adds a stored path of a role-play, chosen {@code count} times, to a subject. A path that no longer fits the
   * role-play (the content changed) is skipped rather than counted against the wrong replies.
   */
  public void add(String subject, RolePlay rolePlay, String storedPath, long count) {
    List<Integer> path = StepAnswer.rolePlayPath(storedPath);
    Conversation conversation;
    try {
      conversation = rolePlay.walk(path);
    } catch (IllegalArgumentException | java.util.NoSuchElementException stale) {
      return;
    }
    Map<Behaviour, Cell> row = cells.computeIfAbsent(subject, s -> new EnumMap<>(Behaviour.class));
    for (Reply reply : conversation.taken()) {
      row.merge(reply.behaviour(), Cell.EMPTY.plus(reply.trustDelta() > 0, count),
          (a, b) -> new Cell(a.good() + b.good(), a.total() + b.total()));
    }
  }

  public List<String> subjects() {
    return List.copyOf(cells.keySet());
  }

  public Cell cell(String subject, Behaviour behaviour) {
    return cells.getOrDefault(subject, Map.of()).getOrDefault(behaviour, Cell.EMPTY);
  }

  public static List<Behaviour> behaviours() {
    return List.of(Behaviour.values());
  }
}
