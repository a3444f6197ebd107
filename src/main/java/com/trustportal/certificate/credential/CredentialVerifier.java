package com.trustportal.certificate.credential;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions.ProcessingPolicy;
import com.apicatalog.jsonld.document.JsonDocument;
import com.trustportal.certificate.credential.VerificationReport.Check;
import com.trustportal.certificate.credential.VerificationReport.Outcome;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonConfig;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Offline verifier for Open Badges 3.0 credentials secured with an {@code eddsa-rdfc-2022} DataIntegrityProof.
 *
 * <p>Checks, in order, each reported separately: {@code size}, {@code json}, {@code shape}, {@code contexts},
 * {@code data-loss}, {@code issuer-key}, {@code signature}, {@code validity}, {@code status}. JSON-LD contexts are
 * served only from bundled copies (VC 2.0 and OB 3.0.3); nothing is ever fetched from the network.
 *
 * <p>Strict like a JSON-LD safe-mode verifier: a term the contexts do not define, a relative IRI, a keyword-like key
 * or anything else that JSON-LD would drop (and so leave unsigned) fails the {@code data-loss} check; there is no
 * allow-list. Revocation is a W3C Bitstring Status List: the {@link StatusResolver} supplies the status list
 * credential named by {@code credentialStatus.statusListCredential}, which is itself verified (same checks, same
 * issuer, same key) before its bit is read.
 */
public final class CredentialVerifier {

    /** Largest accepted credential, in bytes. */
    public static final int MAX_BYTES = 256 * 1024;

    /** Returns the trusted public key for a verification method id, or empty if the issuer's key is not known. */
    @FunctionalInterface
    public interface KeyResolver {
        Optional<Ed25519PublicKey> resolve(String verificationMethod);
    }

    /** Returns the status list credential (JSON) published at a URL, or empty if it is not available. */
    @FunctionalInterface
    public interface StatusResolver {
        Optional<String> resolve(String statusListCredential);
    }

    /** What is being verified: a credential, or the status list credential a credential points to. */
    private enum Kind { CREDENTIAL, STATUS_LIST }

    /** The JSON-LD 1.1 keywords; any other key of the form {@code @name} is ignored by JSON-LD processors. */
    private static final Set<String> KEYWORDS = Set.of("@base", "@container", "@context", "@direction", "@graph", "@id",
            "@import", "@included", "@index", "@json", "@language", "@list", "@nest", "@none", "@prefix", "@propagate",
            "@protected", "@reverse", "@set", "@type", "@value", "@version", "@vocab");

    /**
     * What the verifier accepts. Production: bundled VC 2.0 + OB 3.0.3 contexts, OpenBadgeCredential only,
     * verification method under the issuer id.
     *
     * @param contexts           the only contexts that may be loaded
     * @param openBadgeOnly      require type OpenBadgeCredential and a verification method under the issuer id
     */
    record Policy(BundledContexts contexts, boolean openBadgeOnly) {
        static final Policy PRODUCTION = new Policy(BundledContexts.PRODUCTION, true);
    }

    private final KeyResolver keys;
    private final StatusResolver statuses;
    private final Policy policy;
    /** Rejects duplicate keys, which different JSON parsers would resolve differently. */
    private final JsonReaderFactory readers;

    /**
     * Creates a verifier with the production policy.
     *
     * @throws jakarta.json.JsonException if no Jakarta JSON-P implementation is available
     */
    public CredentialVerifier(KeyResolver keys, StatusResolver statuses) {
        this(keys, statuses, Policy.PRODUCTION);
    }

    CredentialVerifier(KeyResolver keys, StatusResolver statuses, Policy policy) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.statuses = Objects.requireNonNull(statuses, "statuses");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.readers = Json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));
    }

    /** Verifies a UTF-8 JSON credential. Never throws for bad input; every problem becomes a FAIL check. */
    public VerificationReport verify(byte[] json, Instant now) {
        List<Check> checks = new ArrayList<>();
        try {
            new Run(json, now, checks, Kind.CREDENTIAL).execute();
        } catch (RuntimeException e) {
            checks.add(new Check("internal", Outcome.FAIL, "unexpected error: " + e));
        }
        return new VerificationReport(checks);
    }

    /** Verifies a JSON credential. Never throws for bad input; every problem becomes a FAIL check. */
    public VerificationReport verify(String json, Instant now) {
        return verify(json == null ? null : json.getBytes(StandardCharsets.UTF_8), now);
    }

    /** One verification: the input and the checks so far. */
    private final class Run {
        private final byte[] input;
        private final Instant now;
        private final List<Check> checks;
        private final Kind kind;
        /** Set once parsed. */
        private JsonObject document;
        /** The key the signature was checked with, if any. */
        private Optional<Ed25519PublicKey> usedKey = Optional.empty();

        Run(byte[] input, Instant now, List<Check> checks, Kind kind) {
            this.input = input;
            this.now = now == null ? Instant.now() : now;
            this.checks = checks;
            this.kind = kind;
        }

        /** Certificates must be Open Badges; a status list must be the issuer's own, like an Open Badge. */
        private boolean issuerBound() {
            return policy.openBadgeOnly() || kind == Kind.STATUS_LIST;
        }

        void execute() {
            if (!checkSize()) {
                return;
            }
            Optional<JsonObject> parsed = parse();
            if (parsed.isEmpty()) {
                return;
            }
            JsonObject credential = parsed.get();
            document = credential;
            boolean shapeOk = checkShape(credential);
            boolean contextsOk = checkContexts(credential);
            if (!shapeOk || !contextsOk) {
                return;
            }
            JsonObject proof = credential.getJsonObject("proof");
            JsonObject document = Json.createObjectBuilder(credential).remove("proof").build();
            JsonObject proofOptions = Json.createObjectBuilder(proof).remove("proofValue").build();
            boolean lossless = checkDataLoss(document, proofOptions);
            Optional<Ed25519PublicKey> key = checkIssuerKey(issuerId(credential), proof.getString("verificationMethod"));
            if (!lossless) {
                skip(VerificationReport.SIGNATURE, "data-loss check failed");
            } else if (key.isEmpty()) {
                skip(VerificationReport.SIGNATURE, "no public key");
            } else {
                checkSignature(document, proofOptions, proof.getString("proofValue"), key.get());
                usedKey = key;
            }
            checkValidity(credential);
            if (kind == Kind.CREDENTIAL) {
                checkStatus(credential);
            }
        }

        private void add(String name, Outcome outcome, String detail) {
            checks.add(new Check(name, outcome, detail));
        }

        private void skip(String name, String reason) {
            add(name, Outcome.NOT_CHECKED, "skipped: " + reason);
        }

        private boolean checkSize() {
            if (input == null) {
                add("size", Outcome.FAIL, "no input");
                return false;
            }
            if (input.length > MAX_BYTES) {
                add("size", Outcome.FAIL, input.length + " bytes is more than the limit of " + MAX_BYTES + " bytes");
                return false;
            }
            add("size", Outcome.PASS, input.length + " bytes");
            return true;
        }

        private Optional<JsonObject> parse() {
            try (JsonReader reader = readers.createReader(new ByteArrayInputStream(input))) {
                JsonValue value = reader.readValue();
                if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                    add("json", Outcome.FAIL, "expected a JSON object, got " + value.getValueType());
                    return Optional.empty();
                }
                add("json", Outcome.PASS, "well-formed JSON object");
                return Optional.of(value.asJsonObject());
            } catch (RuntimeException e) {
                add("json", Outcome.FAIL, "not valid JSON: " + e.getMessage());
                return Optional.empty();
            }
        }

        private boolean checkShape(JsonObject credential) {
            List<String> problems = new ArrayList<>();
            List<String> contexts = strings(credential.get("@context"));
            if (contexts.isEmpty() || !BundledContexts.VC_V2.equals(contexts.get(0))) {
                problems.add("@context must start with " + BundledContexts.VC_V2);
            }
            List<String> types = strings(credential.get("type"));
            if (!types.contains("VerifiableCredential")) {
                problems.add("type must be a string or array of strings containing VerifiableCredential");
            }
            if (kind == Kind.CREDENTIAL && policy.openBadgeOnly() && !types.contains("OpenBadgeCredential")) {
                problems.add("type must contain OpenBadgeCredential");
            }
            if (kind == Kind.STATUS_LIST && !types.contains(StatusListCredential.TYPE)) {
                problems.add("type must contain " + StatusListCredential.TYPE);
            }
            if (issuerId(credential) == null) {
                problems.add("issuer must be a URL string or an object with a string id");
            }
            JsonValue proofValue = credential.get("proof");
            if (!(proofValue instanceof JsonObject proof)) {
                problems.add(proofValue == null ? "proof is missing" : "proof must be a single object");
            } else {
                expect(proof, "type", DataIntegrity.PROOF_TYPE, problems);
                expect(proof, "cryptosuite", DataIntegrity.CRYPTOSUITE, problems);
                expect(proof, "proofPurpose", DataIntegrity.PROOF_PURPOSE, problems);
                for (String key : List.of("verificationMethod", "proofValue")) {
                    if (!(proof.get(key) instanceof JsonString)) {
                        problems.add("proof." + key + " must be a string");
                    }
                }
            }
            if (problems.isEmpty()) {
                add("shape", Outcome.PASS, "VerifiableCredential with a DataIntegrityProof (eddsa-rdfc-2022, assertionMethod)");
                return true;
            }
            add("shape", Outcome.FAIL, String.join("; ", problems));
            return false;
        }

        private void expect(JsonObject proof, String key, String expected, List<String> problems) {
            JsonValue value = proof.get(key);
            if (!(value instanceof JsonString text) || !expected.equals(text.getString())) {
                problems.add("proof." + key + " must be " + expected + (value == null ? " but is missing" : " but is " + value));
            }
        }

        private boolean checkContexts(JsonObject credential) {
            List<String> problems = new ArrayList<>();
            JsonValue context = credential.get("@context");
            List<JsonValue> entries = context == null ? List.of() : context instanceof JsonArray array ? array : List.of(context);
            if (entries.isEmpty()) {
                problems.add("@context is missing");
            }
            for (JsonValue entry : entries) {
                if (!(entry instanceof JsonString url)) {
                    problems.add("embedded context objects are not allowed");
                } else if (!policy.contexts().serves(url.getString())) {
                    problems.add("unknown context " + url.getString() + " (only bundled contexts are accepted; nothing is fetched)");
                }
            }
            for (var property : credential.entrySet()) {
                if (!property.getKey().equals("@context") && containsContext(property.getValue())) {
                    problems.add("nested @context in \"" + property.getKey() + "\" is not allowed");
                }
            }
            if (problems.isEmpty()) {
                add("contexts", Outcome.PASS, "only bundled contexts: " + String.join(", ", strings(context)));
                return true;
            }
            add("contexts", Outcome.FAIL, String.join("; ", problems));
            return false;
        }

        private boolean containsContext(JsonValue value) {
            if (value instanceof JsonObject object) {
                return object.containsKey("@context") || object.values().stream().anyMatch(this::containsContext);
            }
            return value instanceof JsonArray array && array.stream().anyMatch(this::containsContext);
        }

        private boolean checkDataLoss(JsonObject document, JsonObject proofOptions) {
            List<String> problems = new ArrayList<>();
            lossProblems("credential", document, problems);
            lossProblems("proof", DataIntegrity.proofConfig(proofOptions, document), problems);
            if (problems.isEmpty()) {
                add("data-loss", Outcome.PASS, "every property is defined by the contexts and is signed");
                return true;
            }
            add("data-loss", Outcome.FAIL, String.join("; ", problems));
            return false;
        }

        private void lossProblems(String what, JsonObject document, List<String> problems) {
            keywordLikeKeys(document, problems, what);
            try {
                JsonArray expanded = JsonLd.expand(JsonDocument.of(document))
                        .loader(policy.contexts())
                        .undefinedTermsPolicy(ProcessingPolicy.Fail)
                        .get();
                relativeIris(expanded, problems, what);
            } catch (JsonLdError e) {
                problems.add(what + ": " + e.getMessage()
                        + " (a property not defined by the contexts would be displayed but not signed)");
            }
        }

        /** Relative IRIs are dropped when converting to RDF, so they would not be signed either. */
        private void relativeIris(JsonValue value, List<String> problems, String what) {
            if (value instanceof JsonArray array) {
                array.forEach(item -> relativeIris(item, problems, what));
            } else if (value instanceof JsonObject object) {
                for (var entry : object.entrySet()) {
                    if (entry.getKey().equals("@id")) {
                        requireAbsolute(entry.getValue(), "id", problems, what);
                    } else if (entry.getKey().equals("@type")) {
                        strings(entry.getValue()).stream()
                                .filter(type -> !type.equals("@json"))
                                .forEach(type -> requireAbsolute(Json.createValue(type), "type", problems, what));
                    } else if (entry.getKey().equals("@index") || entry.getKey().equals("@direction")) {
                        problems.add(what + ": " + entry.getKey() + " values are not part of the RDF and would not be signed");
                    } else {
                        relativeIris(entry.getValue(), problems, what);
                    }
                }
            }
        }

        /** Keys that look like keywords but are none are silently ignored by JSON-LD, so they would not be signed. */
        private void keywordLikeKeys(JsonValue value, List<String> problems, String what) {
            if (value instanceof JsonArray array) {
                array.forEach(item -> keywordLikeKeys(item, problems, what));
            } else if (value instanceof JsonObject object) {
                for (var entry : object.entrySet()) {
                    if (entry.getKey().matches("@[A-Za-z]+") && !KEYWORDS.contains(entry.getKey())) {
                        problems.add(what + ": \"" + entry.getKey() + "\" is not a JSON-LD keyword and would be dropped, so it"
                                + " would not be signed");
                    }
                    keywordLikeKeys(entry.getValue(), problems, what);
                }
            }
        }

        private void requireAbsolute(JsonValue value, String role, List<String> problems, String what) {
            if (value instanceof JsonString text && !text.getString().startsWith("_:") && !isAbsolute(text.getString())) {
                problems.add(what + ": " + role + " \"" + text.getString()
                        + "\" is not defined by the contexts and not an absolute IRI, so it would not be signed");
            }
        }

        private Optional<Ed25519PublicKey> checkIssuerKey(String issuerId, String verificationMethod) {
            String name = "issuer-key";
            int hash = verificationMethod.indexOf('#');
            if (issuerBound() && !verificationMethod.startsWith(issuerId + "#")) {
                add(name, Outcome.FAIL, "verificationMethod " + verificationMethod + " does not belong to the issuer: it must start with "
                        + issuerId + "#");
                return Optional.empty();
            }
            Optional<Ed25519PublicKey> fromFragment = Optional.empty();
            String fragmentProblem = "verificationMethod has no key fragment";
            if (hash >= 0) {
                try {
                    fromFragment = Optional.of(Ed25519PublicKey.fromMultibase(verificationMethod.substring(hash + 1)));
                } catch (IllegalArgumentException e) {
                    fragmentProblem = "key fragment: " + e.getMessage();
                }
            }
            Optional<Ed25519PublicKey> trusted;
            try {
                trusted = Objects.requireNonNullElse(keys.resolve(verificationMethod), Optional.empty());
            } catch (RuntimeException e) {
                add(name, Outcome.FAIL, "key resolver failed for " + verificationMethod + ": " + e.getMessage());
                return Optional.empty();
            }
            if (trusted.isPresent()) {
                if (fromFragment.isPresent() && !fromFragment.get().equals(trusted.get())) {
                    add(name, Outcome.FAIL, "verificationMethod names key " + fromFragment.get().multibase()
                            + " but the issuer's trusted key is " + trusted.get().multibase());
                } else {
                    add(name, Outcome.PASS, "trusted issuer key " + trusted.get().multibase());
                }
                return trusted;
            }
            if (fromFragment.isEmpty()) {
                add(name, Outcome.FAIL, "no trusted key for " + verificationMethod + " and " + fragmentProblem);
                return Optional.empty();
            }
            add(name, Outcome.NOT_CHECKED, "key taken from the credential itself; pin the issuer's published key with --key");
            return fromFragment;
        }

        private void checkSignature(JsonObject document, JsonObject proofOptions, String proofValue, Ed25519PublicKey key) {
            String name = VerificationReport.SIGNATURE;
            byte[] signature;
            try {
                if (!proofValue.startsWith("z")) {
                    throw new IllegalArgumentException("it must start with 'z' (base58btc)");
                }
                signature = Base58.decode(proofValue.substring(1));
            } catch (IllegalArgumentException e) {
                add(name, Outcome.FAIL, "proofValue is not a multibase base58btc value: " + e.getMessage());
                return;
            }
            if (signature.length != 64) {
                add(name, Outcome.FAIL, "proofValue decodes to " + signature.length + " bytes, an Ed25519 signature has 64");
                return;
            }
            try {
                if (key.verify(DataIntegrity.hashData(document, proofOptions, policy.contexts()), signature)) {
                    add(name, Outcome.PASS, "eddsa-rdfc-2022 signature valid for key " + key.multibase());
                } else {
                    add(name, Outcome.FAIL, "signature does not match: the credential or its proof options were changed after signing,"
                            + " or it was signed by another key than " + key.multibase());
                }
            } catch (JsonLdError | IllegalStateException e) {
                add(name, Outcome.FAIL, "JSON-LD canonicalisation failed: " + e.getMessage());
            }
        }

        private void checkValidity(JsonObject credential) {
            String name = "validity";
            try {
                Instant from = instant(credential, "validFrom").orElseThrow(() -> new IllegalArgumentException("validFrom is missing"));
                Optional<Instant> until = instant(credential, "validUntil");
                if (from.isAfter(now)) {
                    add(name, Outcome.FAIL, "not valid before " + from);
                } else if (until.isPresent() && !until.get().isAfter(now)) {
                    add(name, Outcome.FAIL, "expired on " + until.get());
                } else {
                    add(name, Outcome.PASS, "valid from " + from + until.map(u -> " until " + u).orElse(", no expiry"));
                }
            } catch (IllegalArgumentException e) {
                add(name, Outcome.FAIL, e.getMessage());
            }
        }

        private Optional<Instant> instant(JsonObject credential, String key) {
            JsonValue value = credential.get(key);
            if (value == null) {
                return Optional.empty();
            }
            if (!(value instanceof JsonString text)) {
                throw new IllegalArgumentException(key + " must be a date-time string");
            }
            try {
                return Optional.of(OffsetDateTime.parse(text.getString()).toInstant());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(key + " is not a date-time with time zone: " + text.getString());
            }
        }

        private void checkStatus(JsonObject credential) {
            String name = "status";
            JsonValue status = credential.get("credentialStatus");
            if (status == null) {
                add(name, Outcome.NOT_CHECKED, "credential has no credentialStatus");
                return;
            }
            if (!(status instanceof JsonObject entry)) {
                add(name, Outcome.FAIL, "credentialStatus must be one " + StatusEntry.TYPE + " object");
                return;
            }
            if (!strings(entry.get("type")).equals(List.of(StatusEntry.TYPE))) {
                add(name, Outcome.FAIL, "credentialStatus type must be " + StatusEntry.TYPE + ", got " + entry.get("type"));
                return;
            }
            if (!(entry.get("statusPurpose") instanceof JsonString purpose) || !StatusEntry.PURPOSE.equals(purpose.getString())) {
                add(name, Outcome.FAIL, "credentialStatus statusPurpose must be " + StatusEntry.PURPOSE + ", got "
                        + entry.get("statusPurpose"));
                return;
            }
            if (!(entry.get("statusListIndex") instanceof JsonString indexText) || !indexText.getString().matches("0|[1-9][0-9]{0,8}")) {
                add(name, Outcome.FAIL, "credentialStatus statusListIndex must be a non-negative integer in a string, got "
                        + entry.get("statusListIndex"));
                return;
            }
            if (!(entry.get("statusListCredential") instanceof JsonString listUrl) || !isAbsolute(listUrl.getString())) {
                add(name, Outcome.FAIL, "credentialStatus statusListCredential must be a URL, got " + entry.get("statusListCredential"));
                return;
            }
            String url = listUrl.getString();
            int index = Integer.parseInt(indexText.getString());
            Optional<String> published;
            try {
                published = Objects.requireNonNullElse(statuses.resolve(url), Optional.empty());
            } catch (RuntimeException e) {
                add(name, Outcome.FAIL, "status list " + url + " could not be read: " + e.getMessage());
                return;
            }
            if (published.isEmpty()) {
                add(name, Outcome.NOT_CHECKED, "status list " + url + " not available");
                return;
            }
            Run list = new Run(published.get().getBytes(StandardCharsets.UTF_8), now, new ArrayList<>(), Kind.STATUS_LIST);
            list.execute();
            VerificationReport listReport = new VerificationReport(list.checks);
            if (!listReport.passed()) {
                add(name, Outcome.FAIL, "the status list credential is not valid: " + listReport.summary());
                return;
            }
            JsonObject listCredential = list.document;
            String problem = statusListProblem(credential, listCredential, url, list.usedKey);
            if (problem != null) {
                add(name, Outcome.FAIL, problem);
                return;
            }
            BitstringStatusList bits;
            try {
                bits = BitstringStatusList.decode(listCredential.getJsonObject("credentialSubject").getString("encodedList"));
            } catch (IllegalArgumentException e) {
                add(name, Outcome.FAIL, "status list " + url + ": " + e.getMessage());
                return;
            }
            if (index >= bits.length()) {
                add(name, Outcome.FAIL, "statusListIndex " + index + " is outside the status list of " + bits.length() + " entries");
            } else if (bits.isSet(index)) {
                add(name, Outcome.FAIL, "revoked: bit " + index + " is set in the issuer's status list " + url);
            } else {
                add(name, Outcome.PASS, "not revoked (bit " + index + " of the signed status list " + url + ")");
            }
        }

        /** @return what makes a verified status list credential the wrong one for this credential, or null */
        private String statusListProblem(JsonObject credential, JsonObject list, String url, Optional<Ed25519PublicKey> listKey) {
            if (!(list.get("id") instanceof JsonString id) || !id.getString().equals(url)) {
                return "the status list credential's id " + list.get("id") + " is not " + url;
            }
            if (!Objects.equals(issuerId(list), issuerId(credential))) {
                return "the status list credential was issued by " + issuerId(list) + ", not by the credential's issuer "
                        + issuerId(credential);
            }
            if (usedKey.isPresent() && !listKey.equals(usedKey)) {
                return "the status list credential is signed with another key than the credential";
            }
            if (!(list.get("credentialSubject") instanceof JsonObject subject)
                    || !strings(subject.get("type")).equals(List.of(StatusListCredential.SUBJECT_TYPE))) {
                return "the status list credential's subject must be one " + StatusListCredential.SUBJECT_TYPE;
            }
            if (!(subject.get("statusPurpose") instanceof JsonString purpose) || !StatusEntry.PURPOSE.equals(purpose.getString())) {
                return "the status list's statusPurpose must be " + StatusEntry.PURPOSE + ", got " + subject.get("statusPurpose");
            }
            if (!(subject.get("encodedList") instanceof JsonString)) {
                return "the status list has no encodedList string";
            }
            return null;
        }
    }

    private static String issuerId(JsonObject credential) {
        JsonValue issuer = credential.get("issuer");
        if (issuer instanceof JsonString id) {
            return id.getString();
        }
        if (issuer instanceof JsonObject object && object.get("id") instanceof JsonString id) {
            return id.getString();
        }
        return null;
    }

    /** @return the strings of a string or array value; non-strings are left out */
    private static List<String> strings(JsonValue value) {
        if (value instanceof JsonString text) {
            return List.of(text.getString());
        }
        if (value instanceof JsonArray array) {
            return array.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString()).toList();
        }
        return List.of();
    }

    private static boolean isAbsolute(String iri) {
        try {
            return URI.create(iri).isAbsolute();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
