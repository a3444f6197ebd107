package com.trustportal.certificate.credential;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A JSON-LD {@link DocumentLoader} that serves only JSON-LD contexts bundled on the classpath and refuses
 * every other URL. It never opens a network connection.
 */
final class BundledContexts implements DocumentLoader {

    static final String VC_V2 = "https://www.w3.org/ns/credentials/v2";
    static final String OB_V3P0 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    /** The production loader: VC Data Model 2.0 and Open Badges 3.0.3 only. */
    static final BundledContexts PRODUCTION = new BundledContexts(Map.of(
            VC_V2, "/jsonld/credentials-v2.jsonld",
            OB_V3P0, "/jsonld/ob-context-3.0.3.json"));

    private final Map<String, String> resources;
    private final Map<String, Document> cache = new ConcurrentHashMap<>();

    /** @param resources context URL to classpath resource path */
    BundledContexts(Map<String, String> resources) {
        this.resources = Map.copyOf(resources);
    }

    boolean serves(String url) {
        return resources.containsKey(url);
    }

    @Override
    public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
        String path = resources.get(url.toString());
        if (path == null) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
                    "context " + url + " is not bundled; only " + new TreeSet<>(resources.keySet()) + " are allowed");
        }
        Document cached = cache.get(path);
        if (cached != null) {
            return cached;
        }
        try (InputStream in = BundledContexts.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, "bundled context resource missing: " + path);
            }
            JsonDocument document = JsonDocument.of(in);
            document.setDocumentUrl(url);
            cache.put(path, document);
            return document;
        } catch (IOException e) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, "cannot read bundled context " + path + ": " + e.getMessage());
        }
    }
}
