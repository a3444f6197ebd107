package com.trustportal.catalog.entity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One sitting of the final assessment: the questions drawn for it, the pass mark in force when it started, and the
 * answers given so far. Immutable; {@link #answer} returns the next state, so a stored attempt can be rebuilt from its
 * question ids and answers without replaying anything.
 */
public record Attempt(List<Question> questions, int passPercent, Map<String, Integer> answers) {

    public Attempt {
        questions = List.copyOf(Objects.requireNonNull(questions, "questions"));
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("an attempt needs at least one question");
        }
        Invariants.between(passPercent, 1, 100, "passPercent");
        answers = Map.copyOf(Objects.requireNonNull(answers, "answers"));
        // Scoring once validates every answer: unknown question ids and out-of-range choices fail here, not later.
        Score.of(questions, answers);
    }

    public static Attempt of(List<Question> questions, int passPercent) {
        return new Attempt(questions, passPercent, Map.of());
    }

    /** Records (or changes) the answer to one question. */
    public Attempt answer(String questionId, int choiceIndex) {
        Map<String, Integer> next = new HashMap<>(answers);
        next.put(Objects.requireNonNull(questionId, "questionId"), choiceIndex);
        return new Attempt(questions, passPercent, next);
    }

    public boolean isComplete() {
        return questions.stream().allMatch(q -> answers.containsKey(q.id()));
    }

    public Score score() {
        return Score.of(questions, answers);
    }

    public boolean passed() {
        return score().reaches(passPercent);
    }
}
