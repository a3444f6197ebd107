package com.trustportal.catalog.entity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The final assessment of a course: a bank of questions from which each attempt draws {@code drawCount}, the
 * percentage needed to pass, and the {@link AssessmentPolicy delivery policy}. {@link #drawFair} gives every objective
 * its share of each attempt and keeps the previous attempt's questions out while the bank allows, so a retake is
 * neither a replay nor a draw that skips an objective.
 */
public record AssessmentSpec(String id, String title, List<Question> bank, int drawCount, int passPercent,
        AssessmentPolicy policy) {

    public AssessmentSpec(String id, String title, List<Question> bank, int drawCount, int passPercent) {
        this(id, title, bank, drawCount, passPercent, AssessmentPolicy.DEFAULT);
    }

    public AssessmentSpec {
        Objects.requireNonNull(policy, "policy");
        Invariants.text(id, "id");
        Invariants.text(title, "title");
        bank = List.copyOf(Objects.requireNonNull(bank, "bank"));
        Invariants.between(drawCount, 1, bank.size(), "drawCount");
        Invariants.between(passPercent, 1, 100, "passPercent");
        if (new HashSet<>(bank.stream().map(Question::id).toList()).size() != bank.size()) {
            throw new IllegalArgumentException("question ids in assessment " + id + " are not unique");
        }
        int reserved = reservedDraws(bank, policy.perObjective());
        if (reserved > drawCount) {
            throw new IllegalArgumentException("assessment " + id + " draws " + drawCount + " questions but "
                    + reserved + " are needed to give every objective " + policy.perObjective());
        }
    }

    /** Questions the draw sets aside for the objectives: {@code perObjective} each, or all an objective has. */
    public static int reservedDraws(List<Question> bank, int perObjective) {
        return objectiveIds(bank).stream()
                .mapToInt(o -> (int) Math.min(perObjective, bank.stream().filter(q -> q.objectiveId().equals(o)).count()))
                .sum();
    }

    private static List<String> objectiveIds(List<Question> bank) {
        return List.copyOf(new LinkedHashSet<>(bank.stream().map(Question::objectiveId).toList()));
    }

    /**
     * The questions of a new attempt: {@link AssessmentPolicy#perObjective} for every objective the bank tests, the
     * rest of {@link #drawCount} from the whole bank, all in random order. Questions in {@code avoid} (the previous
     * attempt's) are taken only when an objective, or the bank, has no others left.
     */
    public List<Question> drawFair(RandomGenerator random, Set<String> avoid) {
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(avoid, "avoid");
        List<Question> chosen = new ArrayList<>();
        for (String objective : objectiveIds(bank)) {
            List<Question> pool = freshFirst(questionsFor(objective), avoid, random);
            chosen.addAll(pool.subList(0, Math.min(policy.perObjective(), pool.size())));
        }
        List<Question> rest = freshFirst(bank.stream().filter(q -> !chosen.contains(q)).toList(), avoid, random);
        chosen.addAll(rest.subList(0, Math.min(drawCount - chosen.size(), rest.size())));
        shuffle(chosen, random);
        return List.copyOf(chosen);
    }

    /** The questions shuffled, those not in {@code avoid} before those in it. */
    private static List<Question> freshFirst(List<Question> questions, Set<String> avoid, RandomGenerator random) {
        List<Question> fresh = new ArrayList<>();
        List<Question> seen = new ArrayList<>();
        questions.forEach(q -> (avoid.contains(q.id()) ? seen : fresh).add(q));
        shuffle(fresh, random);
        shuffle(seen, random);
        fresh.addAll(seen);
        return fresh;
    }

    /**
     * A random order of a question's choices, as indexes into {@link Question#choices()}: the order one learner sees
     * in one attempt. Shuffling defeats "the right answer is always second"; it is stored with the attempt, so a
     * reload and a later review show the same order.
     */
    public static List<Integer> shuffledChoices(Question question, RandomGenerator random) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < question.choices().size(); i++) {
            order.add(i);
        }
        shuffle(order, random);
        return List.copyOf(order);
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

    /** Fisher-Yates with any generator (SecureRandom in production, a seeded one in tests). */
    private static <T> void shuffle(List<T> list, RandomGenerator random) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, random.nextInt(i + 1));
        }
    }

    public Optional<Question> question(String questionId) {
        return bank.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }

    public List<Question> questionsFor(String objectiveId) {
        return bank.stream().filter(q -> q.objectiveId().equals(objectiveId)).toList();
    }
}
