package com.trustportal.catalog.entity;

import java.util.Objects;

/** Argument checks shared by the model's constructors, so each record states its invariants in one line each. */
final class Invariants {

    private Invariants() {}

    static String text(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    static int between(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }
}
