package com.trustportal.learning.entity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a learner gave for one step, in the text form stored with their progress: nothing for a lesson read,
 * {@code questionId=choiceIndex} pairs for a knowledge check, the reflection text, or the role-play path of reply
 * indexes ({@code 0,2,1}). {@code correct} is set only where a step can be right or wrong (a knowledge check).
 */
public record StepAnswer(String text, Boolean correct) {

  /** Fits the {@code answer} column; the reflection field allows no more. */
  public static final int MAX_LENGTH = 4000;

  public StepAnswer {
    if (text != null && text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("an answer holds at most " + MAX_LENGTH + " characters, was " + text.length());
    }
  }

  public static StepAnswer read() {
    return new StepAnswer(null, null);
  }

  /** Answers in the order given (question id to zero-based choice), and whether all of them were right. */
  public static StepAnswer check(Map<String, Integer> choices, boolean allCorrect) {
    String text = choices.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    return new StepAnswer(text, allCorrect);
  }

  public static StepAnswer reflection(String text) {
    if (Objects.requireNonNull(text, "text").isBlank()) {
      throw new IllegalArgumentException("a reflection needs some text");
    }
    return new StepAnswer(text.strip(), null);
  }

  public static StepAnswer rolePlay(List<Integer> path) {
    return new StepAnswer(path.stream().map(String::valueOf).collect(Collectors.joining(",")), null);
  }

  /** The check answers in a stored text; entries that do not parse are skipped, so old data never breaks a page. */
  public static Map<String, Integer> checkChoices(String text) {
    Map<String, Integer> choices = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return choices;
    }
    for (String pair : text.split(",")) {
      int eq = pair.lastIndexOf('=');
      if (eq > 0) {
        parse(pair.substring(eq + 1)).ifPresent(i -> choices.put(pair.substring(0, eq), i));
      }
    }
    return choices;
  }

  /** The role-play path in a stored text, or an empty path when it does not parse. */
  public static List<Integer> rolePlayPath(String text) {
    List<Integer> path = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return path;
    }
    for (String part : text.split(",")) {
      var index = parse(part);
      if (index.isEmpty()) {
        return new ArrayList<>();
      }
      path.add(index.get());
    }
    return path;
  }

  private static java.util.Optional<Integer> parse(String number) {
    try {
      int value = Integer.parseInt(number.strip());
      return value < 0 ? java.util.Optional.empty() : java.util.Optional.of(value);
    } catch (NumberFormatException e) {
      return java.util.Optional.empty();
    }
  }
}
