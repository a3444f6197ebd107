package com.trustportal.certificate.credential;

import jakarta.json.JsonException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Offline command-line verifier for third parties.
 *
 * <pre>VerifyCredential &lt;credential.json&gt; [--key z6Mk...] [--status-list &lt;status-list.json&gt;] [--now 2030-01-01T00:00:00Z]</pre>
 *
 * {@code --status-list} is the issuer's {@code BitstringStatusListCredential} (downloaded from the credential's
 * {@code credentialStatus.statusListCredential}); it is verified with the same key before its bit is read. Prints
 * each check; exit code 0 valid, 1 invalid, 2 usage or I/O error. Needs a Jakarta JSON-P implementation
 * on the class path (for example {@code org.eclipse.parsson:parsson}) besides titanium-json-ld and titanium-rdfc.
 */
public final class VerifyCredential {

    static final String USAGE =
            "usage: VerifyCredential <credential.json> [--key z6Mk...] [--status-list <status-list.json>]"
                    + " [--now 2030-01-01T00:00:00Z]";

    private VerifyCredential() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, Instant.now()));
    }

    /**
     * @param now the time to check validity against, unless {@code --now} is given
     * @return 0 valid, 1 invalid, 2 usage or I/O error
     */
    public static int run(String[] args, PrintStream out, Instant now) {
        String credentialFile = null;
        Ed25519PublicKey key = null;
        String statusList = null;
        Instant at = now;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--key" -> key = Ed25519PublicKey.fromMultibase(value(args, ++i));
                    case "--status-list" -> statusList = read(value(args, ++i));
                    case "--now" -> at = Instant.parse(value(args, ++i));
                    default -> {
                        if (args[i].startsWith("--") || credentialFile != null) {
                            throw new IllegalArgumentException("unexpected argument " + args[i]);
                        }
                        credentialFile = args[i];
                    }
                }
            }
            if (credentialFile == null) {
                throw new IllegalArgumentException("missing <credential.json>");
            }
            byte[] credential = Files.readAllBytes(Path.of(credentialFile));
            Optional<Ed25519PublicKey> pinned = Optional.ofNullable(key);
            Optional<String> list = Optional.ofNullable(statusList);
            VerificationReport report = new CredentialVerifier(vm -> pinned, id -> list).verify(credential, at);
            for (VerificationReport.Check check : report.checks()) {
                out.printf("%-11s %-12s %s%n", check.outcome(), check.name(), check.detail());
            }
            out.println(report.summary());
            return report.passed() ? 0 : 1;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            out.println("error: " + e.getMessage());
            out.println(USAGE);
            return 2;
        } catch (IOException e) {
            out.println("error: cannot read " + e.getMessage());
            return 2;
        } catch (JsonException e) {
            out.println("error: no Jakarta JSON-P implementation on the class path (add org.eclipse.parsson:parsson): "
                    + e.getMessage());
            return 2;
        }
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value");
        }
        return args[index];
    }

    private static String read(String file) throws IOException {
        return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    }
}
