package com.trustportal.catalog.entity;

import java.util.List;
import java.util.Objects;

/** A point in a role-play: what the buyer says and the replies the learner can choose from. */
public record DialogueNode(String id, String buyerLine, List<Reply> replies) {

    public static final int MIN_REPLIES = 2;
    public static final int MAX_REPLIES = 4;

    public DialogueNode {
        Invariants.text(id, "id");
        if (Reply.END.equals(id)) {
            throw new IllegalArgumentException("'" + Reply.END + "' is reserved and cannot be a node id");
        }
        Invariants.text(buyerLine, "buyerLine");
        replies = List.copyOf(Objects.requireNonNull(replies, "replies"));
        Invariants.between(replies.size(), MIN_REPLIES, MAX_REPLIES, "number of replies of node " + id);
    }

    public Reply reply(int index) {
        if (index < 0 || index >= replies.size()) {
            throw new IllegalArgumentException("node " + id + " has " + replies.size() + " replies, no reply " + index);
        }
        return replies.get(index);
    }
}
