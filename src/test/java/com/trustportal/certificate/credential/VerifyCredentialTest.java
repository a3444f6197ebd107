package com.trustportal.certificate.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and output of the command line verifier. */
class VerifyCredentialTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

    private int run(String... args) {
        return VerifyCredential.run(args, out, CredentialVerifierTest.NOW);
    }

    private String output() {
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private String credentialFile() throws IOException {
        Path file = dir.resolve("credential.json");
        Files.writeString(file, CredentialVerifierTest.signed());
        return file.toString();
    }

    @Test
    void validWithPinnedKeyExitsZero() throws IOException {
        assertEquals(0, run(credentialFile(), "--key", CredentialVerifierTest.KEY.publicKey().multibase()), this::output);
        assertTrue(output().contains("PASS        signature"), output());
        assertTrue(output().contains("VALID"), output());
    }

    @Test
    void validWithoutKeyExitsZeroButSaysNotChecked() throws IOException {
        assertEquals(0, run(credentialFile()), this::output);
        assertTrue(output().contains("pin the issuer's published key with --key"), output());
    }

    @Test
    void wrongKeyExitsOne() throws IOException {
        assertEquals(1, run(credentialFile(), "--key", Ed25519Key.generate().publicKey().multibase()), this::output);
        assertTrue(output().contains("INVALID"), output());
    }

    @Test
    void expiredViaNowExitsOne() throws IOException {
        assertEquals(1, run(credentialFile(), "--now", "2030-01-01T00:00:00Z"), this::output);
        assertTrue(output().contains("expired on"), output());
    }

    @Test
    void revokedExitsOne() throws IOException {
        Path list = dir.resolve("list.json");
        Files.writeString(list, new RevocationList(CredentialVerifierTest.STATUS_LIST, CredentialVerifierTest.ISSUER, List.of(
                new RevocationList.Entry(CredentialVerifierTest.DATA.credentialId(), Instant.parse("2026-03-01T00:00:00Z"), "withdrawn")))
                .toJson());
        assertEquals(1, run(credentialFile(), "--revocations", list.toString()), this::output);
        assertTrue(output().contains("revoked on 2026-03-01T00:00:00Z: withdrawn"), output());
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        assertEquals(2, run());
        assertTrue(output().contains("usage:"), output());
        assertEquals(2, run(credentialFile(), "--key"));
        assertEquals(2, run(credentialFile(), "--key", "not-a-key"));
        assertEquals(2, run(credentialFile(), "--now", "tomorrow"));
        assertEquals(2, run(credentialFile(), "--bogus"));
        assertEquals(2, run(dir.resolve("missing.json").toString()));
        Path badList = dir.resolve("bad.json");
        Files.writeString(badList, "[]");
        assertEquals(2, run(credentialFile(), "--revocations", badList.toString()));
    }
}
