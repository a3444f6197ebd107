package com.trustportal.catalog.entity;

/** A learning objective of a course; every question names the objective it tests. */
public record Objective(String id, String text) {

    public Objective {
        Invariants.text(id, "id");
        Invariants.text(text, "text");
    }
}
