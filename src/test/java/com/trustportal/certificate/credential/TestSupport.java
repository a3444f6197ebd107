package com.trustportal.certificate.credential;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;

/** Shared helpers for the tests: vector files and a test-only context loader. */
final class TestSupport {

    /** Production contexts plus the two that only the vc-di-eddsa vectors need. Never used in production code. */
    static final BundledContexts VECTOR_CONTEXTS = new BundledContexts(Map.of(
            BundledContexts.VC_V2, "/jsonld/credentials-v2.jsonld",
            BundledContexts.OB_V3P0, "/jsonld/ob-context-3.0.3.json",
            "https://www.w3.org/ns/credentials/examples/v2", "/vectors/contexts/credentials-examples-v2.jsonld",
            "https://w3id.org/citizenship/v4rc1", "/vectors/contexts/citizenship-v4rc1.jsonld"));

    static final CredentialVerifier.Policy VECTOR_POLICY = new CredentialVerifier.Policy(VECTOR_CONTEXTS, false);

    private TestSupport() {
    }

    static String text(String path) {
        try (InputStream in = TestSupport.class.getResourceAsStream("/vectors/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonObject json(String path) {
        return Json.createReader(new StringReader(text(path))).readObject();
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static byte[] unhex(String hex) {
        return HexFormat.of().parseHex(hex.trim());
    }

    /** The vc-di-eddsa key: privateKeyMultibase is "z" + base58btc(0x80 0x26 + 32-byte seed). */
    static Ed25519Key vectorKey() {
        byte[] decoded = Base58.decode(json("eddsa-rdfc-2022/keyPair.json").getString("privateKeyMultibase").substring(1));
        return Ed25519Key.fromSeed(java.util.Arrays.copyOfRange(decoded, 2, 34));
    }
}
