package com.trustportal.catalog.entity;

/** A short reading page. {@code html} is rendered and sanitised at load time, ready to be written to a page as is. */
public record Lesson(String id, String title, int minutes, String html) implements Step {

    public Lesson {
        Invariants.text(id, "id");
        Invariants.text(title, "title");
        Invariants.between(minutes, 1, 600, "minutes");
        Invariants.text(html, "html");
    }
}
