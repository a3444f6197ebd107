package com.trustportal.certificate.credential;

import static com.trustportal.certificate.credential.TestSupport.hex;
import static com.trustportal.certificate.credential.TestSupport.json;
import static com.trustportal.certificate.credential.TestSupport.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apicatalog.jsonld.JsonLdError;
import com.trustportal.certificate.credential.VerificationReport.Outcome;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Open Badges 3.0 implementation guide's linked data proof test vector. */
class OpenBadgesVectorTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void reproducesCanonicalFormsHashesAndProofValue() throws JsonLdError {
        JsonObject unsigned = json("obv3p0/credential-unsigned.json");
        JsonObject options = json("obv3p0/proof-options.json");
        BundledContexts contexts = BundledContexts.PRODUCTION;

        assertEquals(text("obv3p0/document-canon.txt"), DataIntegrity.canonicalize(unsigned, contexts));
        assertEquals(text("obv3p0/proof-canon.txt"), DataIntegrity.canonicalize(DataIntegrity.proofConfig(options, unsigned), contexts));
        byte[] hashData = DataIntegrity.hashData(unsigned, options, contexts);
        assertEquals(text("obv3p0/proof-hash.txt").trim() + text("obv3p0/document-hash.txt").trim(), hex(hashData));
        assertEquals(text("obv3p0/combined-hash.txt").trim(), hex(hashData));

        JsonObject keyPair = json("obv3p0/key-pair.json");
        Ed25519Key key = Ed25519Key.fromSeed(Arrays.copyOf(TestSupport.unhex(keyPair.getString("privateKeyHex")), 32));
        assertEquals(keyPair.getString("publicKeyMultibase"), key.publicKey().multibase());
        assertEquals(keyPair.getString("publicKeyHex"), hex(key.publicKey().raw()));
        assertEquals(text("obv3p0/signature-hex.txt").trim(), hex(key.sign(hashData)));
        assertEquals(text("obv3p0/proof-value.txt").trim(),
                DataIntegrity.addProof(unsigned, options, key, contexts).getJsonObject("proof").getString("proofValue"));
    }

    @Test
    void verifiesSignedVectorWithPinnedKey() {
        Ed25519PublicKey key = Ed25519PublicKey.fromMultibase(json("obv3p0/key-pair.json").getString("publicKeyMultibase"));
        VerificationReport report = new CredentialVerifier(vm -> Optional.of(key), id -> Optional.empty())
                .verify(text("obv3p0/credential-signed.json"), NOW);
        assertTrue(report.passed(), report::toString);
        assertEquals(Outcome.PASS, report.check("issuer-key").orElseThrow().outcome());
        assertEquals(Outcome.NOT_CHECKED, report.check("status").orElseThrow().outcome());
    }

    @Test
    void keyFromTheCredentialItselfIsNotChecked() {
        VerificationReport report = new CredentialVerifier(vm -> Optional.empty(), id -> Optional.empty())
                .verify(text("obv3p0/credential-signed.json"), NOW);
        assertTrue(report.passed(), report::toString);
        VerificationReport.Check issuerKey = report.check("issuer-key").orElseThrow();
        assertEquals(Outcome.NOT_CHECKED, issuerKey.outcome());
        assertTrue(issuerKey.detail().contains("--key"));
    }
}
