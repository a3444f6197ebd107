package com.trustportal.certificate.credential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Digital Bazaar's verifier ({@code src/test/js/verifier/verify.mjs}, JSON-LD safe mode, no network) on
 * credential files with Node, as a third party would. The build installs its packages with {@code npm ci}
 * (generate-test-resources); a missing Node or package fails the test, it never skips it.
 */
public final class IndependentVerifier {

    private static final Path DIR = Path.of("src", "test", "js", "verifier");

    /**
     * What the verifier said.
     *
     * @param exitCode 0 valid, 1 invalid, 2 usage or file error
     * @param output   its one-line verdict, with the reason when invalid
     */
    public record Verdict(int exitCode, String output) {
        public boolean valid() {
            return exitCode == 0;
        }
    }

    private IndependentVerifier() {
    }

    /**
     * @param now the time to check validity against, or null for the current time
     */
    public static Verdict verify(Path credential, Path issuer, Path statusList, String now) {
        Path script = DIR.resolve("verify.mjs").toAbsolutePath();
        if (!Files.isDirectory(DIR.resolve("node_modules").resolve("@digitalbazaar"))) {
            throw new IllegalStateException("the independent verifier is not installed: run npm ci in " + DIR.toAbsolutePath()
                    + " (mvn does it in generate-test-resources)");
        }
        List<String> command = new ArrayList<>(List.of("node", script.toString(), credential.toString(), issuer.toString(),
                statusList.toString()));
        if (now != null) {
            command.add("--now");
            command.add(now);
        }
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("node " + script + " did not finish");
            }
            return new Verdict(process.exitValue(), new String(output, StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run node (Node.js 18 or later must be on the PATH): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for node", e);
        }
    }
}
