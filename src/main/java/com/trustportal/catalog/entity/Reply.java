package com.trustportal.catalog.entity;

import java.util.Objects;

/**
 * One thing the learner (as seller) can say at a role-play node: which behaviour it shows, how it moves the buyer's
 * trust, the feedback that names why, and the node it leads to, or {@link #END}.
 */
public record Reply(String text, Behaviour behaviour, int trustDelta, String feedback, String next) {

    /** The {@code next} value that ends the conversation and selects an ending by the trust reached. */
    public static final String END = "end";

    public Reply {
        Invariants.text(text, "text");
        Objects.requireNonNull(behaviour, "behaviour");
        Invariants.text(feedback, "feedback");
        Invariants.text(next, "next");
    }

    public boolean endsConversation() {
        return END.equals(next);
    }
}
