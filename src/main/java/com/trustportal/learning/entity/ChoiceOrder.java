package com.trustportal.learning.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The order in which one learner sees one question's choices. Shuffled, so the position of the right answer tells
 * nothing, and stable: seeded from the account id and the question id, so a reload, another tab or another node
 * shows the same order. This is the one place that maps what is shown to what is stored: position {@code p} on the
 * page shows choice {@code of(...).get(p)} of the file, and the file's index is what an answer stores, so stored
 * answers and feedback never depend on the order shown.
 */
public final class ChoiceOrder {

  private ChoiceOrder() {}

  /** The file's choice indexes in the order this learner sees them. */
  public static List<Integer> of(String accountId, String questionId, int choices) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < choices; i++) {
      order.add(i);
    }
    // java.util.Random and Collections.shuffle are specified algorithms: the same seed gives the same order anywhere
    Collections.shuffle(order, new Random(seed(accountId, questionId)));
    return List.copyOf(order);
  }

  private static long seed(String accountId, String questionId) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest((accountId + "\n" + questionId).getBytes(StandardCharsets.UTF_8));
      long seed = 0;
      for (int i = 0; i < 8; i++) {
        seed = (seed << 8) | (hash[i] & 0xff);
      }
      return seed;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
