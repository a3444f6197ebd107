package com.trustportal.catalog.entity;

/** How far a learner is through a course or module: steps done out of steps required, as the content stands now. */
public record Completion(int required, int done) {

    public Completion {
        if (required < 0 || done < 0 || done > required) {
            throw new IllegalArgumentException("completion " + done + "/" + required + " is impossible");
        }
    }

    /** Whole percent, rounded down so that 100 means really everything. */
    public int percent() {
        return required == 0 ? 100 : done * 100 / required;
    }

    public boolean isComplete() {
        return done == required;
    }
}
