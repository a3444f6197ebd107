package com.trustportal.catalog.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The trust-building (or -breaking) behaviour a role-play reply shows. The set is fixed by the course's model of
 * trust, so feedback and reports can group replies by it.
 */
public enum Behaviour {
    OPENNESS,
    EMPATHY,
    AUTHENTICITY,
    HONESTY,
    CONTROL;

    /** How reports name the behaviour. */
    public String label() {
        return this == CONTROL ? "Control tactic" : name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    /** The word used in content files, e.g. {@code empathy}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Behaviour> fromKey(String key) {
        return Arrays.stream(values()).filter(b -> b.key().equals(key)).findFirst();
    }
}
