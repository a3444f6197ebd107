package com.trustportal.certificate.credential;

import static com.trustportal.certificate.credential.TestSupport.hex;
import static com.trustportal.certificate.credential.TestSupport.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Keys, Multikey/multibase encoding and base58btc. */
class Ed25519KeyTest {

    private static final JsonObject KEY_PAIR = json("eddsa-rdfc-2022/keyPair.json");

    @Test
    void multibaseRoundTripWithVectorKeyPair() {
        String multibase = KEY_PAIR.getString("publicKeyMultibase");
        Ed25519PublicKey publicKey = Ed25519PublicKey.fromMultibase(multibase);
        assertEquals(multibase, publicKey.multibase());
        assertEquals(publicKey, Ed25519PublicKey.fromRaw(publicKey.raw()));

        Ed25519Key key = TestSupport.vectorKey();
        assertEquals(multibase, key.publicKey().multibase());
        byte[] decodedPrivate = Base58.decode(KEY_PAIR.getString("privateKeyMultibase").substring(1));
        assertEquals("8026", hex(new byte[] {decodedPrivate[0], decodedPrivate[1]}));
        assertEquals(KEY_PAIR.getString("privateKeyMultibase").substring(1), Base58.encode(decodedPrivate));
    }

    @Test
    void base58KeepsLeadingZeros() {
        byte[] data = {0, 0, 1, 2, (byte) 0xff};
        assertEquals("11", Base58.encode(data).substring(0, 2));
        assertArrayEquals(data, Base58.decode(Base58.encode(data)));
        assertArrayEquals(new byte[0], Base58.decode(""));
        assertThrows(IllegalArgumentException.class, () -> Base58.decode("0OIl"));
    }

    @Test
    void rejectsBadMultibase() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Ed25519PublicKey.fromMultibase("u6Mk"))
                .getMessage().contains("must start with 'z'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Ed25519PublicKey.fromMultibase(""))
                .getMessage().contains("empty"));
        String p256 = "zDnaegE6RR3atJtHKwTRTWHsJ3kNHqFwv7n9YjTgmU7TyfU76";
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Ed25519PublicKey.fromMultibase(p256))
                .getMessage().contains("not an Ed25519 Multikey"));
        assertThrows(IllegalArgumentException.class, () -> Ed25519PublicKey.fromMultibase("z6Mk0"));
        assertThrows(IllegalArgumentException.class, () -> Ed25519PublicKey.fromRaw(new byte[31]));
    }

    @Test
    void seedMustBe32Bytes() {
        assertThrows(IllegalArgumentException.class, () -> Ed25519Key.fromSeed(new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> Ed25519Key.fromSeed(null));
    }

    @Test
    void toStringHidesSeed() {
        Ed25519Key key = Ed25519Key.fromSeed(TestSupport.vectorKey().seed());
        String text = key.toString();
        assertFalse(text.contains(hex(key.seed())));
        assertFalse(text.contains(Base64.getEncoder().encodeToString(key.seed())));
        assertFalse(text.contains(Base58.encode(key.seed())));
        assertTrue(text.contains(key.publicKey().multibase()));
    }

    @Test
    void seedIsACopy() {
        Ed25519Key key = Ed25519Key.generate();
        byte[] seed = key.seed();
        seed[0] ^= 1;
        assertFalse(java.util.Arrays.equals(seed, key.seed()));
    }

    @Test
    void generatedKeySignsAndVerifies() {
        Ed25519Key key = Ed25519Key.generate();
        byte[] message = "hello".getBytes(StandardCharsets.UTF_8);
        byte[] signature = key.sign(message);
        assertTrue(key.publicKey().verify(message, signature));
        assertFalse(key.publicKey().verify("hellO".getBytes(StandardCharsets.UTF_8), signature));
        assertFalse(key.publicKey().verify(message, new byte[10]));
        assertEquals(key.publicKey(), Ed25519Key.fromSeed(key.seed()).publicKey());
    }

    @Test
    void jwk() {
        Ed25519PublicKey key = Ed25519PublicKey.fromMultibase(KEY_PAIR.getString("publicKeyMultibase"));
        JsonObject jwk = key.jwk();
        assertEquals("OKP", jwk.getString("kty"));
        assertEquals("Ed25519", jwk.getString("crv"));
        assertArrayEquals(key.raw(), Base64.getUrlDecoder().decode(jwk.getString("x")));
        assertFalse(jwk.getString("x").contains("="));
    }
}
