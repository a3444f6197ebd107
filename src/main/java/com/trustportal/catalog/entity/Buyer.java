package com.trustportal.catalog.entity;

/** The fictional buyer the learner talks to in a role-play. */
public record Buyer(String name, String role, String company) {

    public Buyer {
        Invariants.text(name, "name");
        Invariants.text(role, "role");
        Invariants.text(company, "company");
    }
}
