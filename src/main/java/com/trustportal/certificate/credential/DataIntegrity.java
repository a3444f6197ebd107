package com.trustportal.certificate.credential;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.canon.RdfCanonTimeTicker;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * The {@code eddsa-rdfc-2022} cryptosuite (VC-DI-EDDSA 1.0 §3.2): RDFC-1.0 canonicalisation, SHA-256,
 * hashData = SHA-256(proof config) ‖ SHA-256(document), Ed25519.
 */
final class DataIntegrity {

    static final String PROOF_TYPE = "DataIntegrityProof";
    static final String CRYPTOSUITE = "eddsa-rdfc-2022";
    static final String PROOF_PURPOSE = "assertionMethod";

    /** Upper bound for one RDFC-1.0 run, against blank-node "poison" graphs. */
    static final long CANONICALISATION_LIMIT_MILLIS = 5_000;

    private DataIntegrity() {
    }

    /**
     * @return the canonical N-Quads (RDFC-1.0) of a JSON-LD document, with base URL null
     * @throws IllegalStateException if canonicalisation takes longer than {@link #CANONICALISATION_LIMIT_MILLIS}
     */
    static String canonicalize(JsonObject document, BundledContexts loader) throws JsonLdError {
        RdfCanon canon;
        try {
            canon = RdfCanon.create(MessageDigest.getInstance("SHA-256"), new RdfCanonTimeTicker(CANONICALISATION_LIMIT_MILLIS));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
        JsonLd.toRdf(JsonDocument.of(document)).loader(loader).provide(canon);
        StringWriter out = new StringWriter();
        try {
            canon.provide(new NQuadsWriter(out));
        } catch (RdfConsumerException e) {
            throw new IllegalStateException("N-Quads serialisation failed", e);
        }
        return out.toString();
    }

    /** @return the proof configuration: the proof options without proofValue, with the document's @context */
    static JsonObject proofConfig(JsonObject proofOptions, JsonObject document) {
        JsonObjectBuilder config = Json.createObjectBuilder(proofOptions).remove("proofValue");
        if (document.containsKey("@context")) {
            config.add("@context", document.get("@context"));
        }
        return config.build();
    }

    /** @return SHA-256(canonical proof config) ‖ SHA-256(canonical document without proof), 64 bytes */
    static byte[] hashData(JsonObject unsecuredDocument, JsonObject proofOptions, BundledContexts loader) throws JsonLdError {
        byte[] proofHash = sha256(canonicalize(proofConfig(proofOptions, unsecuredDocument), loader));
        byte[] documentHash = sha256(canonicalize(unsecuredDocument, loader));
        byte[] combined = new byte[64];
        System.arraycopy(proofHash, 0, combined, 0, 32);
        System.arraycopy(documentHash, 0, combined, 32, 32);
        return combined;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * Signs a document of an issuer: proof type DataIntegrityProof, eddsa-rdfc-2022, assertionMethod.
     *
     * @param verificationMethod the key id, which must start with {@code issuerId + "#"}
     * @param created            proof creation time (truncated to seconds)
     * @return the signed document as compact JSON
     * @throws IllegalArgumentException if the verification method does not belong to the issuer
     */
    static String sign(JsonObject unsigned, String issuerId, Ed25519Key key, String verificationMethod, Instant created) {
        if (verificationMethod == null || !verificationMethod.startsWith(issuerId + "#")) {
            throw new IllegalArgumentException("verificationMethod must start with the issuer id followed by '#': " + issuerId + "#");
        }
        JsonObject proofOptions = Json.createObjectBuilder()
                .add("type", PROOF_TYPE)
                .add("cryptosuite", CRYPTOSUITE)
                .add("created", OpenBadgeCredential.dateTime(created))
                .add("verificationMethod", verificationMethod)
                .add("proofPurpose", PROOF_PURPOSE)
                .build();
        try {
            return addProof(unsigned, proofOptions, key, BundledContexts.PRODUCTION).toString();
        } catch (JsonLdError e) {
            throw new IllegalStateException("JSON-LD processing of the document failed: " + e.getMessage(), e);
        }
    }

    /** @return the document with an embedded proof: the options plus {@code proofValue = "z" + base58btc(signature)} */
    static JsonObject addProof(JsonObject unsecuredDocument, JsonObject proofOptions, Ed25519Key key, BundledContexts loader)
            throws JsonLdError {
        byte[] signature = key.sign(hashData(unsecuredDocument, proofOptions, loader));
        JsonObject proof = Json.createObjectBuilder(proofOptions).add("proofValue", "z" + Base58.encode(signature)).build();
        return Json.createObjectBuilder(unsecuredDocument).add("proof", proof).build();
    }
}
