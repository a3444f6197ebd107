package com.trustportal.catalog.entity;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a role-play stands after a sequence of replies: the replies taken (for their feedback), the buyer's trust now,
 * and either the node to answer next or the ending reached. Exactly one of {@code current} and {@code ending} is set.
 */
public record Conversation(List<Reply> taken, int trust, Optional<DialogueNode> current, Optional<Ending> ending) {

    public Conversation {
        taken = List.copyOf(Objects.requireNonNull(taken, "taken"));
        Invariants.between(trust, RolePlay.MIN_TRUST, RolePlay.MAX_TRUST, "trust");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(ending, "ending");
        if (current.isPresent() == ending.isPresent()) {
            throw new IllegalArgumentException("a conversation is either at a node or at an ending");
        }
    }

    public boolean isOver() {
        return ending.isPresent();
    }
}
