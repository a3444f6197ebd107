package com.trustportal.certificate.credential;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;

/** An Ed25519 private signing key, held as its 32-byte seed. {@link #toString()} never reveals the seed. */
public final class Ed25519Key {

    private final byte[] seed;
    private final PrivateKey jcaKey;
    private final Ed25519PublicKey publicKey;

    private Ed25519Key(byte[] seed, PrivateKey jcaKey, Ed25519PublicKey publicKey) {
        this.seed = seed;
        this.jcaKey = jcaKey;
        this.publicKey = publicKey;
    }

    /** @return a new random key */
    public static Ed25519Key generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] seed = ((EdECPrivateKey) pair.getPrivate()).getBytes()
                    .orElseThrow(() -> new IllegalStateException("JDK did not expose the Ed25519 seed"));
            return new Ed25519Key(seed, pair.getPrivate(), Ed25519PublicKey.fromJca(pair.getPublic()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this JDK", e);
        }
    }

    /** @throws IllegalArgumentException if the seed is not 32 bytes */
    public static Ed25519Key fromSeed(byte[] seed32) {
        if (seed32 == null || seed32.length != 32) {
            throw new IllegalArgumentException("Ed25519 seed must be 32 bytes");
        }
        byte[] seed = seed32.clone();
        try {
            PrivateKey privateKey = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
            return new Ed25519Key(seed, privateKey, Ed25519PublicKey.fromRaw(derivePublic(privateKey)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this JDK", e);
        }
    }

    /**
     * Derives the public key of a seed with the JDK's own Ed25519 arithmetic: the JDK key pair generator reads exactly
     * the 32-byte seed from its SecureRandom, so feeding it this seed yields the matching public key (checked against
     * the W3C and 1EdTech test vectors).
     */
    private static byte[] derivePublic(PrivateKey privateKey) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(NamedParameterSpec.ED25519, new FixedSeedRandom(((EdECPrivateKey) privateKey).getBytes().orElseThrow()));
        byte[] encoded = generator.generateKeyPair().getPublic().getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    /** @return a copy of the 32-byte seed */
    public byte[] seed() {
        return seed.clone();
    }

    public Ed25519PublicKey publicKey() {
        return publicKey;
    }

    /** @return the 64-byte Ed25519 signature of the message */
    public byte[] sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(jcaKey);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    @Override
    public String toString() {
        return "Ed25519Key[public=" + publicKey.multibase() + "]";
    }

    /** A SecureRandom that returns a fixed seed, so the JDK key generator derives the public key for a known seed. */
    private static final class FixedSeedRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] value;

        FixedSeedRandom(byte[] value) {
            this.value = value.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(value, 0, bytes, 0, Math.min(bytes.length, value.length));
        }
    }
}
