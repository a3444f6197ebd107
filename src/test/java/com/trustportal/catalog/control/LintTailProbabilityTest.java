package com.trustportal.catalog.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The chance model behind longest-correct and shortest-correct, checked against numbers worked out by hand. */
class LintTailProbabilityTest {

    @Test
    void binomialTailOfTenFairCoins() {
        // P(X >= 8) = (C(10,8) + C(10,9) + C(10,10)) / 2^10 = (45 + 10 + 1) / 1024
        assertEquals(56.0 / 1024, CourseLinter.upperTail(same(10, 0.5), 8), 1e-12);
    }

    @Test
    void allFourThreeOptionItemsLongestHappensOnceIn81() {
        assertEquals(1.0 / 81, CourseLinter.upperTail(same(4, 1.0 / 3), 4), 1e-12);
        // at least 3 of 4: 4 * (1/3)^3 * (2/3) + (1/3)^4 = 8/81 + 1/81
        assertEquals(9.0 / 81, CourseLinter.upperTail(same(4, 1.0 / 3), 3), 1e-12);
    }

    @Test
    void poissonBinomialMixesItemsWithDifferentOptionCounts() {
        double[] twoAndFourOptions = {0.5, 0.25};
        assertEquals(1 - 0.5 * 0.75, CourseLinter.upperTail(twoAndFourOptions, 1), 1e-12);
        assertEquals(0.5 * 0.25, CourseLinter.upperTail(twoAndFourOptions, 2), 1e-12);
    }

    @Test
    void twentyFourOfTwentyFiveThreeOptionItemsIsFarBeyondChance() {
        // 25 * (1/3)^24 * (2/3) + (1/3)^25 = 51 / 3^25
        assertEquals(51 / Math.pow(3, 25), CourseLinter.upperTail(same(25, 1.0 / 3), 24), 1e-22);
    }

    @Test
    void edgesAreCertainAndImpossible() {
        assertEquals(1.0, CourseLinter.upperTail(same(5, 0.25), 0), 0);
        assertEquals(0.0, CourseLinter.upperTail(same(5, 0.25), 6), 0);
        assertEquals(1.0, CourseLinter.upperTail(new double[0], 0), 0);
    }

    private static double[] same(int n, double p) {
        double[] probabilities = new double[n];
        Arrays.fill(probabilities, p);
        return probabilities;
    }
}
