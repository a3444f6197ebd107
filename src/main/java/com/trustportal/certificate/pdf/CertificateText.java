package com.trustportal.certificate.pdf;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** English wording of the certificate's values. */
final class CertificateText {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private CertificateText() {
    }

    /** E.g. {@code 26 November 2027}. */
    static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** E.g. {@code Final assessment: 92%}; the score is clamped to 0..100. */
    static String score(int percent) {
        return "Final assessment: " + Math.max(0, Math.min(100, percent)) + "%";
    }

    /** E.g. {@code Time spent: 3 h 05 min} or {@code Time spent: 42 min}; minutes are rounded down. */
    static String timeSpent(long seconds) {
        long minutes = Math.max(0, seconds) / 60;
        long hours = minutes / 60;
        String duration = hours > 0
                ? String.format(Locale.ROOT, "%d h %02d min", hours, minutes % 60)
                : minutes + " min";
        return "Time spent: " + duration;
    }

    /** E.g. {@code Valid until 26 November 2027} or {@code Does not expire}. */
    static String validity(LocalDate expiresOn) {
        return expiresOn == null ? "Does not expire" : "Valid until " + date(expiresOn);
    }
}
