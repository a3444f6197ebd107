package com.trustportal.platform.web;

import jakarta.faces.application.Resource;
import jakarta.faces.application.ResourceHandler;
import jakarta.faces.application.ResourceHandlerWrapper;
import jakarta.faces.application.ResourceWrapper;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes every Faces resource (styles, scripts, images: the portal's own and PrimeFaces') cacheable for a year without
 * ever serving a stale one. Each resource URL names its version in {@code v=}: PrimeFaces writes its release there
 * itself; every other resource (the portal's library {@code portal}, Faces' own) gets a hash of its content, so a
 * changed file gets a new URL. A request that names the current version is answered with
 * {@code Cache-Control: public, max-age=31536000, immutable} instead of Faces' default {@code Expires} (the
 * same for every version). Any other request keeps that default, so an old URL is never pinned for a year.
 */
public class VersionedResources extends ResourceHandlerWrapper {

  static final String CACHE_CONTROL = "public, max-age=31536000, immutable";
  private static final String VERSION = "v";

  /** Content hash per library and resource name; the WAR's resources do not change while it is deployed. */
  private final Map<String, String> hashes = new ConcurrentHashMap<>();

  public VersionedResources(ResourceHandler wrapped) {
    super(wrapped);
  }

  @Override
  public Resource createResource(String resourceName) {
    return versioned(super.createResource(resourceName));
  }

  @Override
  public Resource createResource(String resourceName, String libraryName) {
    return versioned(super.createResource(resourceName, libraryName));
  }

  @Override
  public Resource createResource(String resourceName, String libraryName, String contentType) {
    return versioned(super.createResource(resourceName, libraryName, contentType));
  }

  private Resource versioned(Resource resource) {
    if (resource == null) {
      return null;
    }
    String version = version(resource.getRequestPath());
    if (version == null) {
      version = hashes.computeIfAbsent(resource.getLibraryName() + "/" + resource.getResourceName(),
          key -> contentHash(resource));
      return new Versioned(resource, version, true);
    }
    return new Versioned(resource, version, false);
  }

  /** The {@code v} parameter of a resource URL, or null. */
  static String version(String requestPath) {
    int query = requestPath.indexOf('?');
    if (query < 0) {
      return null;
    }
    for (String pair : requestPath.substring(query + 1).split("&(amp;)?")) {
      if (pair.startsWith(VERSION + "=") && pair.length() > 2) {
        return pair.substring(2);
      }
    }
    return null;
  }

  static String contentHash(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(in.readAllBytes());
      return HexFormat.of().formatHex(sha.digest(), 0, 5);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + resource.getResourceName(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A resource whose URL names its version; long-lived in caches when requested by that version. */
  static final class Versioned extends ResourceWrapper {

    private final String version;
    private final boolean addToUrl;

    Versioned(Resource wrapped, String version, boolean addToUrl) {
      super(wrapped);
      this.version = version;
      this.addToUrl = addToUrl;
    }

    @Override
    public String getRequestPath() {
      String path = super.getRequestPath();
      return addToUrl ? path + (path.indexOf('?') < 0 ? "?" : "&") + VERSION + "=" + version : path;
    }

    @Override
    public Map<String, String> getResponseHeaders() {
      Map<String, String> headers = super.getResponseHeaders();
      String asked = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(VERSION);
      if (!version.equals(asked)) {
        return headers;
      }
      Map<String, String> cached = new HashMap<>(headers);
      cached.remove("Expires");
      cached.put("Cache-Control", CACHE_CONTROL);
      return cached;
    }
  }
}
