package com.trustportal.catalog.entity;

import java.util.List;
import java.util.Objects;

/**
 * A single-answer multiple-choice question, used both in module knowledge checks and in the final assessment bank.
 * Exactly one choice is correct; scoring depends on it, so it is guaranteed here rather than checked by every scorer.
 */
public record Question(String id, String objectiveId, String prompt, List<Choice> choices) {

    public static final int MIN_CHOICES = 2;
    public static final int MAX_CHOICES = 5;

    public Question {
        Invariants.text(id, "id");
        Invariants.text(objectiveId, "objectiveId");
        Invariants.text(prompt, "prompt");
        choices = List.copyOf(Objects.requireNonNull(choices, "choices"));
        Invariants.between(choices.size(), MIN_CHOICES, MAX_CHOICES, "number of choices of " + id);
        long correct = choices.stream().filter(Choice::correct).count();
        if (correct != 1) {
            throw new IllegalArgumentException(
                    "question " + id + " must have exactly one correct choice, has " + correct);
        }
    }

    /** Zero-based index of the correct choice. */
    public int correctChoice() {
        for (int i = 0; i < choices.size(); i++) {
            if (choices.get(i).correct()) {
                return i;
            }
        }
        throw new IllegalStateException("unreachable: constructor guarantees one correct choice");
    }

    /** Whether answering with the zero-based {@code choiceIndex} is right; an index outside the choices is a bug. */
    public boolean isAnsweredCorrectlyBy(int choiceIndex) {
        return choice(choiceIndex).correct();
    }

    public Choice choice(int choiceIndex) {
        if (choiceIndex < 0 || choiceIndex >= choices.size()) {
            throw new IllegalArgumentException(
                    "question " + id + " has " + choices.size() + " choices, no choice " + choiceIndex);
        }
        return choices.get(choiceIndex);
    }
}
