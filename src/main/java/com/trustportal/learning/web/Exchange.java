package com.trustportal.learning.web;

import com.trustportal.catalog.entity.DialogueNode;
import com.trustportal.catalog.entity.Reply;
import com.trustportal.catalog.entity.RolePlay;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One turn of a role-play as the player shows it: what the buyer said, and the reply the learner chose. */
public record Exchange(String buyerLine, Reply reply) {

  /** The turns taken along {@code path} (reply indexes from the start node), in order. */
  static List<Exchange> transcript(RolePlay play, List<Integer> path) {
    List<Exchange> turns = new ArrayList<>();
    DialogueNode at = play.startNode();
    for (int index : path) {
      if (at == null) {
        throw new IllegalArgumentException("path " + path + " goes on after the end of " + play.id());
      }
      Reply reply = at.reply(index);
      turns.add(new Exchange(at.buyerLine(), reply));
      at = reply.endsConversation() ? null : play.node(reply.next()).orElseThrow();
    }
    return turns;
  }

  /** "Empathy", "Control", ... */
  public String behaviour() {
    String key = reply.behaviour().key();
    return key.substring(0, 1).toUpperCase(Locale.ROOT) + key.substring(1);
  }

  /** "+10", "-5", "±0" */
  public String trustChange() {
    int delta = reply.trustDelta();
    return delta > 0 ? "+" + delta : delta < 0 ? String.valueOf(delta) : "±0";
  }
}
