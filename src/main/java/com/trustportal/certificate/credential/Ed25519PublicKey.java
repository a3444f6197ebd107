package com.trustportal.certificate.credential;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * An Ed25519 public key (32 raw bytes, RFC 8032 encoding), with its Multikey
 * ({@code z6Mk...}) and JWK forms.
 */
public final class Ed25519PublicKey {

    private static final byte[] MULTICODEC_PREFIX = {(byte) 0xed, 0x01};
    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private final byte[] raw;
    private final PublicKey jcaKey;

    private Ed25519PublicKey(byte[] raw) {
        this.raw = raw.clone();
        byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, 32);
        try {
            this.jcaKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a valid Ed25519 public key: " + e.getMessage(), e);
        }
    }

    /**
     * @param z6Mk {@code "z"} + base58btc(0xed 0x01 + 32-byte key)
     * @throws IllegalArgumentException if the value is not an Ed25519 Multikey
     */
    public static Ed25519PublicKey fromMultibase(String z6Mk) {
        if (z6Mk == null || z6Mk.isEmpty()) {
            throw new IllegalArgumentException("public key multibase is empty");
        }
        if (z6Mk.charAt(0) != 'z') {
            throw new IllegalArgumentException("public key multibase must start with 'z' (base58btc), got '" + z6Mk.charAt(0) + "'");
        }
        byte[] decoded = Base58.decode(z6Mk.substring(1));
        if (decoded.length != 34 || decoded[0] != MULTICODEC_PREFIX[0] || decoded[1] != MULTICODEC_PREFIX[1]) {
            throw new IllegalArgumentException("public key multibase is not an Ed25519 Multikey (expected 0xed01 + 32 bytes, z6Mk...)");
        }
        return new Ed25519PublicKey(Arrays.copyOfRange(decoded, 2, 34));
    }

    /** @throws IllegalArgumentException if not 32 bytes */
    public static Ed25519PublicKey fromRaw(byte[] raw32) {
        if (raw32 == null || raw32.length != 32) {
            throw new IllegalArgumentException("Ed25519 public key must be 32 bytes");
        }
        return new Ed25519PublicKey(raw32);
    }

    static Ed25519PublicKey fromJca(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return new Ed25519PublicKey(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
    }

    /** @return a copy of the 32 raw key bytes */
    public byte[] raw() {
        return raw.clone();
    }

    /** @return the Multikey value {@code z6Mk...} */
    public String multibase() {
        byte[] prefixed = new byte[34];
        System.arraycopy(MULTICODEC_PREFIX, 0, prefixed, 0, 2);
        System.arraycopy(raw, 0, prefixed, 2, 32);
        return "z" + Base58.encode(prefixed);
    }

    /** @return {@code {"kty":"OKP","crv":"Ed25519","x": base64url}} */
    public JsonObject jwk() {
        return Json.createObjectBuilder()
                .add("kty", "OKP")
                .add("crv", "Ed25519")
                .add("x", Base64.getUrlEncoder().withoutPadding().encodeToString(raw))
                .build();
    }

    /** @return true iff the signature is a valid Ed25519 signature of the message under this key */
    public boolean verify(byte[] message, byte[] signature) {
        if (message == null || signature == null || signature.length != 64) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(jcaKey);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ed25519PublicKey key && Arrays.equals(raw, key.raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "Ed25519PublicKey[" + multibase() + "]";
    }
}
