package com.trustportal.certificate.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RevocationListTest {

    private static final RevocationList LIST = new RevocationList("https://portal.example/issuers/acme/revocations",
            "https://portal.example/issuers/acme", List.of(
                    new RevocationList.Entry("https://portal.example/verify/A", Instant.parse("2026-02-01T08:00:00Z"), "fraud \"quoted\""),
                    new RevocationList.Entry("https://portal.example/verify/B", Instant.parse("2026-03-01T00:00:00Z"), "")));

    @Test
    void roundTrip() {
        RevocationList parsed = RevocationList.parse(LIST.toJson());
        assertEquals(LIST, parsed);
        assertEquals("fraud \"quoted\"", parsed.find("https://portal.example/verify/A").orElseThrow().reason());
        assertTrue(parsed.find("https://portal.example/verify/C").isEmpty());
    }

    @Test
    void emptyList() {
        RevocationList empty = new RevocationList("https://x.example/l", "https://x.example", List.of());
        assertEquals(empty, RevocationList.parse(empty.toJson()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not json|not valid JSON",
        "[]|must be a JSON object",
        "{}|\"type\" must be a string",
        "{\"type\":\"Other\",\"id\":\"a\",\"issuer\":\"b\",\"revoked\":[]}|type must be 1EdTechRevocationList",
        "{\"type\":\"1EdTechRevocationList\",\"id\":\"a\",\"issuer\":\"b\"}|\"revoked\" must be an array",
        "{\"type\":\"1EdTechRevocationList\",\"id\":\"a\",\"issuer\":\"b\",\"revoked\":[1]}|revoked[0] must be an object",
        "{\"type\":\"1EdTechRevocationList\",\"id\":\"a\",\"issuer\":\"b\",\"revoked\":[{\"id\":\"c\",\"revokedAt\":\"yesterday\"}]}|revokedAt is not",
        "{\"type\":\"1EdTechRevocationList\",\"issuer\":\"b\",\"revoked\":[]}|\"id\" must be a string"
    })
    void badInput(String json, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RevocationList.parse(json));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void nullInput() {
        assertThrows(IllegalArgumentException.class, () -> RevocationList.parse(null));
    }
}
