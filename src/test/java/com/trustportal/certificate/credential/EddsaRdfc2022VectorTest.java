package com.trustportal.certificate.credential;

import static com.trustportal.certificate.credential.TestSupport.VECTOR_CONTEXTS;
import static com.trustportal.certificate.credential.TestSupport.hex;
import static com.trustportal.certificate.credential.TestSupport.json;
import static com.trustportal.certificate.credential.TestSupport.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apicatalog.jsonld.JsonLdError;
import com.trustportal.certificate.credential.VerificationReport.Outcome;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The W3C vc-di-eddsa test vectors for eddsa-rdfc-2022 (alumni and employment credentials). */
class EddsaRdfc2022VectorTest {

    private static final String ALUMNI = "eddsa-rdfc-2022/, eddsa-rdfc-2022/unsigned.json";
    private static final String EMPLOY = "eddsa-rdfc-2022/employ/, eddsa-rdfc-2022/employmentAuth.json";

    @ParameterizedTest
    @CsvSource({ALUMNI, EMPLOY})
    void reproducesCanonicalFormsHashesAndSignature(String dir, String unsignedFile) throws JsonLdError {
        JsonObject unsigned = json(unsignedFile);
        JsonObject proofConfig = json(dir + "proofConfigDataInt.json");

        assertEquals(text(dir + "canonDocDataInt.txt"), DataIntegrity.canonicalize(unsigned, VECTOR_CONTEXTS));
        assertEquals(text(dir + "proofCanonDataInt.txt"), DataIntegrity.canonicalize(proofConfig, VECTOR_CONTEXTS));
        assertEquals(text(dir + "docHashDataInt.txt").trim(), hex(DataIntegrity.sha256(text(dir + "canonDocDataInt.txt"))));
        assertEquals(text(dir + "proofHashDataInt.txt").trim(), hex(DataIntegrity.sha256(text(dir + "proofCanonDataInt.txt"))));

        JsonObject proofOptions = Json.createObjectBuilder(proofConfig).remove("@context").build();
        byte[] hashData = DataIntegrity.hashData(unsigned, proofOptions, VECTOR_CONTEXTS);
        assertEquals(text(dir + "combinedHashDataInt.txt").trim(), hex(hashData));

        Ed25519Key key = TestSupport.vectorKey();
        assertEquals(text(dir + "sigHexDataInt.txt").trim(), hex(key.sign(hashData)));
        JsonObject signed = DataIntegrity.addProof(unsigned, proofOptions, key, VECTOR_CONTEXTS);
        assertEquals(text(dir + "sigBTC58DataInt.txt").trim(), signed.getJsonObject("proof").getString("proofValue"));
        assertArrayEquals(TestSupport.unhex(text(dir + "sigHexDataInt.txt")),
                Base58.decode(text(dir + "sigBTC58DataInt.txt").trim().substring(1)));
    }

    @ParameterizedTest
    @CsvSource({"eddsa-rdfc-2022/signedDataInt.json", "eddsa-rdfc-2022/employ/signedDataInt.json"})
    void verifiesSignedVectorWithTestOnlyContexts(String file) {
        Ed25519PublicKey key = Ed25519PublicKey.fromMultibase(json("eddsa-rdfc-2022/keyPair.json").getString("publicKeyMultibase"));
        VerificationReport report = new CredentialVerifier(vm -> Optional.of(key), id -> Optional.empty(), TestSupport.VECTOR_POLICY)
                .verify(text(file), Instant.parse("2024-06-01T00:00:00Z"));
        assertTrue(report.passed(), report::toString);
        assertEquals(Outcome.PASS, report.check("signature").orElseThrow().outcome());
    }

    @ParameterizedTest
    @CsvSource({"eddsa-rdfc-2022/signedDataInt.json"})
    void productionVerifierRefusesTheExamplesContext(String file) {
        VerificationReport report = new CredentialVerifier(vm -> Optional.empty(), id -> Optional.empty())
                .verify(text(file), Instant.parse("2024-06-01T00:00:00Z"));
        assertEquals(Outcome.FAIL, report.check("contexts").orElseThrow().outcome());
        assertTrue(report.check("contexts").orElseThrow().detail().contains("https://www.w3.org/ns/credentials/examples/v2"));
    }
}
