package com.trustportal.learning.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChoiceOrderTest {

  @Test
  void theOrderIsAPermutationAndStableForOneLearnerAndQuestion() {
    List<Integer> order = ChoiceOrder.of("account-1", "m1-q1", 4);

    assertEquals(Set.of(0, 1, 2, 3), new HashSet<>(order));
    assertEquals(4, order.size());
    assertEquals(order, ChoiceOrder.of("account-1", "m1-q1", 4), "a reload shows the same order");
  }

  @Test
  void learnersAndQuestionsGetDifferentOrders() {
    Set<List<Integer>> orders = new HashSet<>();
    for (int learner = 0; learner < 50; learner++) {
      orders.add(ChoiceOrder.of("account-" + learner, "m1-q1", 4));
    }
    assertTrue(orders.size() >= 12, "50 learners saw only " + orders.size() + " of the 24 orders");
    assertNotEquals(ChoiceOrder.of("account-1", "m1-q1", 5), ChoiceOrder.of("account-1", "m1-q2", 5));
  }

  @Test
  void theRightAnswerIsNotAlwaysInTheSamePlace() {
    int[] firstShown = new int[4];
    for (int learner = 0; learner < 400; learner++) {
      firstShown[ChoiceOrder.of("account-" + learner, "m2-q3", 4).get(0)]++;
    }
    for (int choice = 0; choice < 4; choice++) {
      assertTrue(firstShown[choice] > 60, "choice " + choice + " shown first " + firstShown[choice] + " times of 400");
    }
  }
}
