package com.trustportal.certificate.credential;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The bitstring of a W3C Bitstring Status List (VC Bitstring Status List 1.0): one bit per credential, set
 * when the credential is revoked. Index 0 is the left-most (most significant) bit of the first byte.
 * {@link #encode()} gives the {@code encodedList}: multibase base64url without padding ({@code u} prefix) of
 * the GZIP-compressed bytes.
 */
public final class BitstringStatusList {

    /** The specification's minimum, 16 KB uncompressed, so that one list hides which credential was checked. */
    public static final int MIN_LENGTH = 131_072;

    /** Largest list accepted when decoding: bounds the memory a hostile, highly compressed list can take. */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    private final byte[] bits;

    private BitstringStatusList(byte[] bits) {
        this.bits = bits;
    }

    /**
     * A list with room for {@code needed} entries, rounded up to whole multiples of {@link #MIN_LENGTH} bits, with
     * the given indexes set.
     *
     * @throws IllegalArgumentException if an index is negative or not below the list's length
     */
    public static BitstringStatusList withSet(int needed, Collection<Integer> set) {
        if (needed < 0) {
            throw new IllegalArgumentException("needed must be >= 0, got " + needed);
        }
        long blocks = Math.max(1, ((long) needed + MIN_LENGTH - 1) / MIN_LENGTH);
        if (blocks * MIN_LENGTH / 8 > MAX_BYTES) {
            throw new IllegalArgumentException("a status list of " + needed + " entries is larger than " + MAX_BYTES + " bytes");
        }
        BitstringStatusList list = new BitstringStatusList(new byte[(int) (blocks * MIN_LENGTH / 8)]);
        for (int index : set) {
            if (index < 0 || index >= list.length()) {
                throw new IllegalArgumentException("status list index " + index + " is outside 0.." + (list.length() - 1));
            }
            list.bits[index / 8] |= (byte) (0x80 >>> (index % 8));
        }
        return list;
    }

    /** @return the number of entries (bits) */
    public int length() {
        return bits.length * 8;
    }

    /** @throws IndexOutOfBoundsException if the index is outside the list */
    public boolean isSet(int index) {
        if (index < 0 || index >= length()) {
            throw new IndexOutOfBoundsException("status list index " + index + " is outside 0.." + (length() - 1));
        }
        return (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
    }

    /** @return {@code "u" + base64url-no-padding(gzip(bits))} */
    public String encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /** @throws IllegalArgumentException with what is wrong if the value is not an encoded list of at least the minimum length */
    public static BitstringStatusList decode(String encodedList) {
        if (encodedList == null || !encodedList.startsWith("u")) {
            throw new IllegalArgumentException("encodedList must be multibase base64url (start with 'u')");
        }
        byte[] compressed;
        try {
            compressed = Base64.getUrlDecoder().decode(encodedList.substring(1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("encodedList is not base64url: " + e.getMessage(), e);
        }
        byte[] bits;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            bits = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new IllegalArgumentException("encodedList is not GZIP data: " + e.getMessage(), e);
        }
        if (bits.length > MAX_BYTES) {
            throw new IllegalArgumentException("encodedList expands to more than " + MAX_BYTES + " bytes");
        }
        if (bits.length * 8 < MIN_LENGTH) {
            throw new IllegalArgumentException("encodedList has " + bits.length * 8 + " bits, fewer than the minimum " + MIN_LENGTH);
        }
        return new BitstringStatusList(bits);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BitstringStatusList list && Arrays.equals(bits, list.bits);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bits);
    }
}
