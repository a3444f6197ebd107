package com.trustportal.catalog.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The stratified draw: every objective in every attempt, no repeat of the previous attempt while the bank allows. */
class FairDrawTest {

    /** 5 objectives with 8, 8, 8, 8 and 5 questions (37), 10 drawn, 2 per objective: the shipped course's shape. */
    private static AssessmentSpec bank(int perObjective, int draw) {
        List<Question> bank = new ArrayList<>();
        int[] sizes = {8, 8, 8, 8, 5};
        for (int o = 0; o < sizes.length; o++) {
            for (int i = 0; i < sizes[o]; i++) {
                bank.add(Content.question("o" + (o + 1) + "-q" + i, "O" + (o + 1)));
            }
        }
        return new AssessmentSpec("final", "Final", bank, draw, 80,
                new AssessmentPolicy(perObjective, 2, Duration.ofHours(24), false, 0));
    }

    @Test
    void everyObjectiveGetsAtLeastTwoQuestionsInEachOfTenThousandDraws() {
        AssessmentSpec spec = bank(2, 10);
        SplittableRandom random = new SplittableRandom(12);
        Set<String> previous = Set.of();
        for (int i = 0; i < 10_000; i++) {
            List<Question> drawn = spec.drawFair(random, previous);
            assertEquals(10, drawn.size());
            assertEquals(10, new HashSet<>(drawn).size(), "no question twice in one attempt");
            Map<String, Long> perObjective = drawn.stream()
                    .collect(Collectors.groupingBy(Question::objectiveId, Collectors.counting()));
            assertEquals(Set.of("O1", "O2", "O3", "O4", "O5"), perObjective.keySet(), "draw " + i);
            int draw = i;
            perObjective.forEach((o, n) -> assertTrue(n >= 2, o + " got " + n + " in draw " + draw));
            previous = drawn.stream().map(Question::id).collect(Collectors.toSet());
        }
    }

    @Test
    void noQuestionOfTheLastAttemptComesBackWhileTheBankAllows() {
        AssessmentSpec spec = bank(2, 10);
        SplittableRandom random = new SplittableRandom(99);
        Set<String> previous = Set.of();
        for (int i = 0; i < 10_000; i++) {
            List<Question> drawn = spec.drawFair(random, previous);
            Set<String> ids = drawn.stream().map(Question::id).collect(Collectors.toSet());
            Set<String> repeated = new HashSet<>(ids);
            repeated.retainAll(previous);
            assertEquals(Set.of(), repeated, "draw " + i + " repeats the previous attempt");
            previous = ids;
        }
    }

    @Test
    void aThinObjectiveRepeatsOnlyWhatItMust() {
        // O5 has 3 questions and gets 2 per attempt: after an attempt with two of them, one fresh one is left
        List<Question> bank = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            bank.add(Content.question("thin" + i, "O5"));
        }
        for (int i = 0; i < 20; i++) {
            bank.add(Content.question("wide" + i, "O1"));
        }
        AssessmentSpec spec = new AssessmentSpec("final", "Final", bank, 6, 80, AssessmentPolicy.DEFAULT);
        SplittableRandom random = new SplittableRandom(5);
        Set<String> previous = Set.of();
        for (int i = 0; i < 1_000; i++) {
            List<Question> drawn = spec.drawFair(random, previous);
            Set<String> ids = drawn.stream().map(Question::id).collect(Collectors.toSet());
            long thinRepeats = previous.stream().filter(id -> id.startsWith("thin") && ids.contains(id)).count();
            long thinPrevious = previous.stream().filter(id -> id.startsWith("thin")).count();
            assertEquals(Math.max(0, 2 - (3 - thinPrevious)), thinRepeats, "draw " + i);
            assertTrue(ids.stream().filter(id -> id.startsWith("wide")).noneMatch(previous::contains));
            previous = ids;
        }
    }

    @Test
    void theDrawIsStillRandomWithinEachObjective() {
        AssessmentSpec spec = bank(2, 10);
        SplittableRandom random = new SplittableRandom(3);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < 4_000; i++) {
            spec.drawFair(random, Set.of()).forEach(q -> seen.merge(q.id(), 1, Integer::sum));
        }
        assertEquals(37, seen.size(), "every question is drawn at some point");
        // O1..O4 questions are drawn 2/8 of the time per reserved slot plus a share of the free slots; no question of
        // an objective should be drawn more than twice as often as another of the same objective.
        for (String o : List.of("o1", "o2", "o3", "o4", "o5")) {
            List<Integer> counts = seen.entrySet().stream().filter(e -> e.getKey().startsWith(o))
                    .map(Map.Entry::getValue).toList();
            int min = counts.stream().mapToInt(Integer::intValue).min().orElseThrow();
            int max = counts.stream().mapToInt(Integer::intValue).max().orElseThrow();
            assertTrue(max < 2 * min, o + ": " + counts);
        }
    }

    @Test
    void aDrawTooSmallToCoverEveryObjectiveIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bank(3, 10));
        assertTrue(e.getMessage().contains("15 are needed"), e.getMessage());
    }

    @Test
    void choiceOrdersArePermutationsAndVary() {
        Question q = new Question("q", "O1", "Prompt?", List.of(new Choice("a", true, "x"), new Choice("b", false, "x"),
                new Choice("c", false, "x"), new Choice("d", false, "x")));
        SplittableRandom random = new SplittableRandom(1);
        int[] firstShown = new int[4];
        for (int i = 0; i < 4_000; i++) {
            List<Integer> order = AssessmentSpec.shuffledChoices(q, random);
            assertEquals(Set.of(0, 1, 2, 3), Set.copyOf(order));
            firstShown[order.get(0)]++;
        }
        for (int count : firstShown) {
            assertTrue(count > 800 && count < 1200, "each choice comes first about a quarter of the time: " + count);
        }
    }

    @Test
    void coolingOffFollowsEverySecondFailureInARow() {
        AssessmentPolicy policy = AssessmentPolicy.DEFAULT;
        assertEquals(List.of(false, false, true, false, true, false, true),
                List.of(0, 1, 2, 3, 4, 5, 6).stream().map(policy::pausesAfter).toList());
        assertTrue(!policy.overriddenBy(0, null, null, null).pausesAfter(2), "0 switches the pause off");
        assertTrue(!policy.overriddenBy(null, 0, null, null).pausesAfter(2), "a zero-hour pause is no pause");
        assertEquals(Duration.ofHours(6), policy.overriddenBy(null, 6, null, null).coolingOff());
    }
}
