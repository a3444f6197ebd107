package com.trustportal.platform;

import java.net.CookieHandler;
import java.net.URI;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Cookies as a browser keeps them for one site: each {@code Set-Cookie} stores its name and value exactly as sent, and
 * every request sends them back as {@code name=value} pairs. The JDK's {@code CookieManager} is not such a browser: it
 * takes any cookie whose header contains "version=" (Payara's {@code JSESSIONIDVERSION}) for an RFC 2965 cookie and
 * sends it back quoted, with {@code $Version} and {@code $Path}, which a clustered Payara does not read as the
 * session's version. The portal sets every cookie on path {@code /} of its own host, so paths and domains are not
 * kept apart here.
 */
public final class BrowserCookies extends CookieHandler {

  private final Map<String, String> cookies = new ConcurrentHashMap<>();

  @Override
  public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
    if (cookies.isEmpty()) {
      return Map.of();
    }
    return Map.of("Cookie", List.of(cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("; "))));
  }

  @Override
  public void put(URI uri, Map<String, List<String>> responseHeaders) {
    responseHeaders.forEach((header, values) -> {
      if (header != null && header.equalsIgnoreCase("Set-Cookie")) {
        values.forEach(this::store);
      }
    });
  }

  /** A cookie's value as the site last set it. */
  public Optional<String> value(String name) {
    return Optional.ofNullable(cookies.get(name));
  }

  private void store(String setCookie) {
    String[] parts = setCookie.split(";");
    int equals = parts[0].indexOf('=');
    if (equals <= 0) {
      return;
    }
    String name = parts[0].substring(0, equals).strip();
    String value = parts[0].substring(equals + 1).strip();
    for (int i = 1; i < parts.length; i++) {
      String attribute = parts[i].strip().toLowerCase(Locale.ROOT);
      if (attribute.equals("max-age=0") || attribute.startsWith("max-age=-")
          || attribute.startsWith("expires=") && expired(parts[i].strip().substring(8))) {
        cookies.remove(name);
        return;
      }
    }
    cookies.put(name, value);
  }

  private static boolean expired(String date) {
    try {
      return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().isBefore(Instant.now());
    } catch (RuntimeException unreadable) {
      return false;
    }
  }
}
