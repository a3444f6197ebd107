package com.trustportal.catalog.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.catalog.entity.AssessmentSpec;
import com.trustportal.catalog.entity.Course;
import com.trustportal.catalog.entity.Question;
import com.trustportal.catalog.entity.Score;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Plays the shipped course's final assessment the way a learner who does not read would, through the same draw and
 * the same shuffled choice order the portal uses, and proves that none of these strategies earns a certificate:
 * always the longest option, always the first option shown, and answering at random. Figures go to
 * docs/authoring.md ("Test-taking strategies").
 */
class TestTakingStrategiesTest {

    private static Course course;

    @BeforeAll
    static void loadShippedCourse() {
        CourseLoadResult result = new CourseLoader().load(CourseFixture.resource("/catalog/collaborative-selling"));
        course = result.course().orElseThrow(() -> new AssertionError(result.problems()));
    }

    /** A strategy picks one of the choices as shown (their file indexes in display order) and returns a file index. */
    private static double passRate(int attempts, long seed, BiFunction<Question, List<Integer>, Integer> strategy,
            SplittableRandom[] shared) {
        AssessmentSpec spec = course.assessment();
        SplittableRandom random = new SplittableRandom(seed);
        shared[0] = random;
        int passed = 0;
        Set<String> previous = Set.of();
        for (int i = 0; i < attempts; i++) {
            List<Question> drawn = spec.drawFair(random, previous);
            Map<String, Integer> answers = new HashMap<>();
            for (Question q : drawn) {
                answers.put(q.id(), strategy.apply(q, AssessmentSpec.shuffledChoices(q, random)));
            }
            if (Score.of(drawn, answers).reaches(spec.passPercent())) {
                passed++;
            }
            previous = drawn.stream().map(Question::id).collect(Collectors.toSet());
        }
        return (double) passed / attempts;
    }

    private static int longest(Question q, List<Integer> shown) {
        return shown.stream().max(Comparator.comparingInt((Integer i) -> q.choices().get(i).text().length())
                .thenComparing(i -> -shown.indexOf(i))).orElseThrow();
    }

    @Test
    void alwaysTheLongestOptionNeverPasses() {
        double rate = passRate(200, 1, TestTakingStrategiesTest::longest, new SplittableRandom[1]);
        System.out.printf("always the longest option: pass rate %.3f over 200 attempts%n", rate);
        assertEquals(0.0, rate);
    }

    @Test
    void alwaysTheFirstOptionShownNeverPasses() {
        double rate = passRate(200, 2, (q, shown) -> shown.get(0), new SplittableRandom[1]);
        System.out.printf("always the first option: pass rate %.3f over 200 attempts%n", rate);
        assertEquals(0.0, rate);
    }

    @Test
    void alwaysTheFirstOptionOfTheFileNeverPassesEither() {
        // a leak in the file's own order would show here even if shuffling were switched off
        double rate = passRate(200, 3, (q, shown) -> 0, new SplittableRandom[1]);
        System.out.printf("always the file's first option: pass rate %.3f over 200 attempts%n", rate);
        assertEquals(0.0, rate);
    }

    @Test
    void answeringAtRandomPassesAtMostOnceInAHundred() {
        SplittableRandom[] random = new SplittableRandom[1];
        double rate = passRate(10_000, 4, (q, shown) -> shown.get(random[0].nextInt(shown.size())), random);
        System.out.printf("random answers: pass rate %.4f over 10,000 attempts%n", rate);
        assertTrue(rate <= 0.01, "random answering passed " + rate);
    }

    @Test
    void theLongestOptionIsRightNoMoreOftenThanChance() {
        List<Question> bank = course.assessment().bank();
        long longestRight = bank.stream().filter(q -> longest(q, List.of(0, 1, 2, 3, 4).subList(0, q.choices().size()))
                == q.correctChoice()).count();
        double chance = bank.stream().mapToDouble(q -> 1.0 / q.choices().size()).sum();
        System.out.printf("bank: the right option is the longest in %d of %d items (chance: %.1f)%n", longestRight,
                bank.size(), chance);
        assertTrue(longestRight <= Math.ceil(chance), longestRight + " of " + bank.size() + ", chance " + chance);
    }
}
