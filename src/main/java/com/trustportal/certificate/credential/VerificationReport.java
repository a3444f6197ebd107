package com.trustportal.certificate.credential;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The result of verifying one credential: every check that ran, in order, each with an outcome and a detail
 * message saying what passed or exactly what failed.
 *
 * @param checks the checks, in the order they ran
 */
public record VerificationReport(List<Check> checks) {

    /** Name of the check whose PASS is required for {@link #passed()}. */
    public static final String SIGNATURE = "signature";

    /** Outcome of one check. */
    public enum Outcome { PASS, FAIL, NOT_CHECKED }

    /**
     * One check.
     *
     * @param name    short check name, e.g. {@code signature}
     * @param outcome the outcome
     * @param detail  human-readable detail
     */
    public record Check(String name, Outcome outcome, String detail) {
    }

    public VerificationReport {
        checks = List.copyOf(checks);
    }

    /** @return true iff no check failed and the signature check passed */
    public boolean passed() {
        return outcome() == Outcome.PASS
                && checks.stream().anyMatch(c -> c.name().equals(SIGNATURE) && c.outcome() == Outcome.PASS);
    }

    /** @return FAIL if any check failed, else PASS */
    public Outcome outcome() {
        return checks.stream().anyMatch(c -> c.outcome() == Outcome.FAIL) ? Outcome.FAIL : Outcome.PASS;
    }

    /** @return one human-readable line */
    public String summary() {
        if (passed()) {
            List<String> unchecked = names(Outcome.NOT_CHECKED);
            return "VALID" + (unchecked.isEmpty() ? "" : " (not checked: " + String.join(", ", unchecked) + ")");
        }
        return "INVALID: " + checks.stream().filter(c -> c.outcome() == Outcome.FAIL)
                .map(c -> c.name() + ": " + c.detail()).collect(Collectors.joining("; "));
    }

    /** @return the check with this name, if it ran */
    public java.util.Optional<Check> check(String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private List<String> names(Outcome outcome) {
        return checks.stream().filter(c -> c.outcome() == outcome).map(Check::name).toList();
    }
}
