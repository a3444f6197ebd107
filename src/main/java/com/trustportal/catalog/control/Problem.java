package com.trustportal.catalog.control;

import java.util.Objects;

/**
 * Something wrong in a course folder, located so an author can fix it: {@code file} is relative to the folder that
 * holds the course (it starts with the course folder's name), {@code line} is 1-based, and {@code column} is 1-based or
 * 0 where no column is known (a missing file, a rule about a whole list).
 */
public record Problem(String file, int line, int column, String message) {

    public Problem {
        Objects.requireNonNull(file, "file");
        if (line < 1 || column < 0) {
            throw new IllegalArgumentException("line must be 1-based and column 0 or 1-based");
        }
        Objects.requireNonNull(message, "message");
    }

    /** The {@code file:line[:column]: message} form that editors and CI logs turn into links. */
    @Override
    public String toString() {
        return file + ":" + line + (column > 0 ? ":" + column : "") + ": " + message;
    }
}
