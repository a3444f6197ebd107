package com.trustportal.certificate.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CertificateTextTest {

    @Test
    void formatsDurationsInHoursAndMinutes() {
        assertEquals("Time spent: 3 h 05 min", CertificateText.timeSpent(3 * 3600 + 5 * 60 + 59));
        assertEquals("Time spent: 42 min", CertificateText.timeSpent(42 * 60));
        assertEquals("Time spent: 0 min", CertificateText.timeSpent(-1));
    }

    @Test
    void formatsEnglishDatesAndValidity() {
        assertEquals("Valid until 26 November 2027", CertificateText.validity(LocalDate.of(2027, 11, 26)));
        assertEquals("Does not expire", CertificateText.validity(null));
    }

    @Test
    void fallsBackToDefaultColoursOnBadInput() {
        Rgb fallback = new Rgb(0.1f, 0.2f, 0.3f);
        assertEquals(fallback, Rgb.parseHexOr("#12345g", fallback));
        assertEquals(fallback, Rgb.parseHexOr(null, fallback));
        assertEquals(new Rgb(1f, 0f, 0f), Rgb.parseHexOr("#ff0000", fallback));
    }
}
