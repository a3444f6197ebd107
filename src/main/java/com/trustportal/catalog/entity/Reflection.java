package com.trustportal.catalog.entity;

/**
 * A prompt the learner answers in private free text. Only the prompt is content; the answer belongs to the learner
 * and is stored by the progress feature. {@code html} is sanitised at load time.
 */
public record Reflection(String id, String title, String html) implements Step {

    public Reflection {
        Invariants.text(id, "id");
        Invariants.text(title, "title");
        Invariants.text(html, "html");
    }
}
