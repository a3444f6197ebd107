package com.trustportal.catalog.entity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The final assessment of a course: a bank of questions from which each attempt draws {@code drawCount} at random,
 * and the percentage needed to pass. Drawing from a bank larger than one attempt means a retake is not a replay.
 */
public record AssessmentSpec(String id, String title, List<Question> bank, int drawCount, int passPercent) {

    public AssessmentSpec {
        Invariants.text(id, "id");
        Invariants.text(title, "title");
        bank = List.copyOf(Objects.requireNonNull(bank, "bank"));
        Invariants.between(drawCount, 1, bank.size(), "drawCount");
        Invariants.between(passPercent, 1, 100, "passPercent");
        if (new HashSet<>(bank.stream().map(Question::id).toList()).size() != bank.size()) {
            throw new IllegalArgumentException("question ids in assessment " + id + " are not unique");
        }
    }

    /** {@code n} distinct questions in random order; a fresh draw on every call. */
    public List<Question> draw(RandomGenerator random, int n) {
        Objects.requireNonNull(random, "random");
        Invariants.between(n, 1, bank.size(), "number of questions to draw");
        List<Question> pool = new ArrayList<>(bank);
        // Partial Fisher-Yates: each of the first n positions gets a uniformly chosen question from those left.
        for (int i = 0; i < n; i++) {
            Collections.swap(pool, i, i + random.nextInt(pool.size() - i));
        }
        return List.copyOf(pool.subList(0, n));
    }

    /** Starts an attempt with {@link #drawCount} freshly drawn questions and the current pass mark. */
    public Attempt startAttempt(RandomGenerator random) {
        return Attempt.of(draw(random, drawCount), passPercent);
    }

    public Optional<Question> question(String questionId) {
        return bank.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }

    public List<Question> questionsFor(String objectiveId) {
        return bank.stream().filter(q -> q.objectiveId().equals(objectiveId)).toList();
    }
}
