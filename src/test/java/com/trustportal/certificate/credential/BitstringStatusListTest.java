package com.trustportal.certificate.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The encodedList format of the W3C Bitstring Status List: bit order, size, multibase, GZIP. */
class BitstringStatusListTest {

    private static byte[] raw(String encoded) throws IOException {
        assertTrue(encoded.startsWith("u"), encoded);
        byte[] gzip = Base64.getUrlDecoder().decode(encoded.substring(1));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }

    @Test
    void indexZeroIsTheLeftMostBitOfTheFirstByte() throws IOException {
        byte[] bytes = raw(BitstringStatusList.withSet(1, List.of(0, 9, 131_071)).encode());
        assertEquals((byte) 0x80, bytes[0]);
        assertEquals((byte) 0x40, bytes[1]);
        assertEquals((byte) 0x01, bytes[bytes.length - 1]);
    }

    @Test
    void aListHasAtLeast131072BitsAndGrowsInWholeBlocks() throws IOException {
        assertEquals(131_072, BitstringStatusList.withSet(0, List.of()).length());
        assertEquals(131_072, BitstringStatusList.withSet(131_072, List.of()).length());
        assertEquals(262_144, BitstringStatusList.withSet(131_073, List.of(131_072)).length());
        assertEquals(16_384, raw(BitstringStatusList.withSet(5, List.of()).encode()).length);
    }

    @Test
    void encodedListIsBase64UrlWithoutPadding() {
        String encoded = BitstringStatusList.withSet(1000, List.of(3, 500, 999)).encode();
        assertTrue(encoded.matches("u[A-Za-z0-9_-]+"), encoded);
    }

    @Test
    void decodeReadsBackExactlyTheSetBits() {
        BitstringStatusList list = BitstringStatusList.withSet(1000, List.of(3, 500, 999));
        BitstringStatusList decoded = BitstringStatusList.decode(list.encode());
        assertEquals(list, decoded);
        for (int i = 0; i < 1000; i++) {
            assertEquals(i == 3 || i == 500 || i == 999, decoded.isSet(i), "bit " + i);
        }
    }

    @Test
    void anIndexOutsideTheListIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> BitstringStatusList.withSet(10, List.of(131_072)));
        assertThrows(IllegalArgumentException.class, () -> BitstringStatusList.withSet(10, List.of(-1)));
        assertThrows(IndexOutOfBoundsException.class, () -> BitstringStatusList.withSet(10, List.of()).isSet(131_072));
        assertFalse(BitstringStatusList.withSet(10, List.of()).isSet(131_071));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "zH4sIAAAAAAAAAA|start with 'u'",
        "u!!!|not base64url",
        "uAAAA|not GZIP data"
    })
    void decodeExplainsWhatIsWrong(String encoded, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BitstringStatusList.decode(encoded));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void aListShorterThanTheMinimumIsRefused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(new byte[1024]);
        }
        String shortList = "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BitstringStatusList.decode(shortList));
        assertTrue(e.getMessage().contains("fewer than the minimum 131072"), e.getMessage());
    }
}
