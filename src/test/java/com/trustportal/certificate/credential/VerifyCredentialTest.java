package com.trustportal.certificate.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void revokedInTheStatusListExitsOne() throws IOException {
        Path list = dir.resolve("status-list.json");
        Files.writeString(list, CredentialVerifierTest.statusList(CredentialVerifierTest.STATUS_INDEX));
        assertEquals(1, run(credentialFile(), "--key", CredentialVerifierTest.KEY.publicKey().multibase(), "--status-list",
                list.toString()), this::output);
        assertTrue(output().contains("revoked: bit 4242 is set"), output());
    }

    @Test
    void notRevokedInTheStatusListExitsZero() throws IOException {
        Path list = dir.resolve("status-list.json");
        Files.writeString(list, CredentialVerifierTest.statusList(CredentialVerifierTest.STATUS_INDEX + 1));
        assertEquals(0, run(credentialFile(), "--key", CredentialVerifierTest.KEY.publicKey().multibase(), "--status-list",
                list.toString()), this::output);
        assertTrue(output().contains("PASS        status"), output());
    }

    @Test
    void aStatusListThatIsNotACredentialExitsOne() throws IOException {
        Path list = dir.resolve("status-list.json");
        Files.writeString(list, "[]");
        assertEquals(1, run(credentialFile(), "--status-list", list.toString()), this::output);
        assertTrue(output().contains("the status list credential is not valid"), output());
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
        assertEquals(2, run(credentialFile(), "--status-list", dir.resolve("missing-list.json").toString()));
        assertEquals(2, run(credentialFile(), "--revocations", "list.json"));
        assertTrue(output().contains("--status-list <status-list.json>"), output());
    }
}
