package com.trustportal.learning.entity;

import java.io.Serializable;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A learner's answer to an open practice step: the reply they typed and their self-check of it against the five
 * behaviours. Stored as a {@link StepAnswer} text: a first line {@code self-check: yn-yn} (one letter per
 * {@link SelfCheck} in its order: y yes, n no, - not answered yet), then the reply. Kept as the learner wrote it for a
 * later manager review.
 */
public record PracticeAnswer(String reply, Map<SelfCheck, Boolean> selfCheck) implements Serializable {

  /** The longest reply a learner can save: a few sentences said to a buyer, not an essay. */
  public static final int MAX_REPLY = 2000;
  private static final String PREFIX = "self-check: ";

  /** "Did my reply do this?", one question per behaviour the course teaches. */
  public enum SelfCheck {
    OPENNESS("Openness", "Did my reply invite the buyer to say more, for example with an open question?"),
    HONESTY("Honesty", "Did I say something true the buyer needed to hear, including a limit or a cost to me?"),
    EMPATHY("Empathy", "Did I show that I understood the buyer's situation in their own terms?"),
    AUTHENTICITY("Authenticity", "Does it sound like me meaning it, rather than a line from a script?"),
    NO_CONTROL("No control move",
        "Did I leave out every control move: steering the process, early qualifying, a budget check, an 'if, then' close?");

    private final String label;
    private final String question;

    SelfCheck(String label, String question) {
      this.label = label;
      this.question = question;
    }

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String label() {
      return label;
    }

    public String question() {
      return question;
    }
  }

  public PracticeAnswer {
    Objects.requireNonNull(reply, "reply");
    if (reply.isBlank()) {
      throw new IllegalArgumentException("a practice reply needs some text");
    }
    reply = reply.strip();
    if (reply.length() > MAX_REPLY) {
      throw new IllegalArgumentException("a practice reply holds at most " + MAX_REPLY + " characters, was "
          + reply.length());
    }
    EnumMap<SelfCheck, Boolean> checks = new EnumMap<>(SelfCheck.class);
    Objects.requireNonNull(selfCheck, "selfCheck").forEach((k, v) -> {
      if (k != null && v != null) {
        checks.put(k, v);
      }
    });
    selfCheck = Collections.unmodifiableMap(checks);
  }

  /** The text stored with the learner's progress; {@code correct} stays unset, a practice has no right answer. */
  public StepAnswer toStepAnswer() {
    StringBuilder line = new StringBuilder(PREFIX);
    for (SelfCheck check : SelfCheck.values()) {
      Boolean yes = selfCheck.get(check);
      line.append(yes == null ? '-' : yes ? 'y' : 'n');
    }
    return new StepAnswer(line + "\n" + reply, null);
  }

  /** Whether every behaviour has a yes or a no. */
  public boolean selfChecked() {
    return selfCheck.size() == SelfCheck.values().length;
  }

  /** The answer in a stored text, or null when there is none (or it does not parse: old data never breaks a page). */
  public static PracticeAnswer parse(String text) {
    if (text == null || !text.startsWith(PREFIX) || text.indexOf('\n') < 0) {
      return null;
    }
    String flags = text.substring(PREFIX.length(), text.indexOf('\n'));
    String reply = text.substring(text.indexOf('\n') + 1);
    if (reply.isBlank() || reply.length() > MAX_REPLY) {
      return null;
    }
    Map<SelfCheck, Boolean> checks = new EnumMap<>(SelfCheck.class);
    SelfCheck[] all = SelfCheck.values();
    for (int i = 0; i < Math.min(flags.length(), all.length); i++) {
      char c = flags.charAt(i);
      if (c == 'y' || c == 'n') {
        checks.put(all[i], c == 'y');
      }
    }
    return new PracticeAnswer(reply, checks);
  }
}
