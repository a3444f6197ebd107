package com.trustportal.catalog.entity;

/** One answer option of a question; the explanation is shown after answering, whether the choice was right or not. */
public record Choice(String text, boolean correct, String explanation) {

    public Choice {
        Invariants.text(text, "text");
        Invariants.text(explanation, "explanation");
    }
}
