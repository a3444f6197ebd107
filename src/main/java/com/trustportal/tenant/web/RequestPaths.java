package com.trustportal.tenant.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;

/**
 * What the request gate knows about a path before it decides anything. The container serves the
 * normalised, decoded path ({@code getServletPath() + getPathInfo()}); the raw URI may spell the same
 * place many ways ({@code /./admin}, {@code //admin}, {@code /x/../admin}, {@code ;x=1}, {@code %2e}).
 * Rules decided on one spelling and served on another are how a role check is walked around, so the gate
 * refuses every odd spelling outright (no legitimate link of the portal contains one) and decides on the
 * normalised path only.
 */
public final class RequestPaths {

  private RequestPaths() {}

  /**
   * Why the raw request path (the URI without query string, context path included) is refused, or empty
   * when it is a plain path: no empty, {@code .} or {@code ..} segment, no path parameter ({@code ;}, which
   * also carries {@code jsessionid}), no encoded dot, slash, backslash or percent, no backslash, no control
   * character.
   */
  public static Optional<String> refusal(String rawPath) {
    if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
      return Optional.of("the path must start with '/'");
    }
    for (int i = 0; i < rawPath.length(); i++) {
      char c = rawPath.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return Optional.of("control character in the path");
      }
      if (c == ';') {
        return Optional.of("path parameters (';') are not accepted; session ids travel only in cookies");
      }
      if (c == '\\') {
        return Optional.of("backslash in the path");
      }
      if (c == '%' && i + 2 < rawPath.length()) {
        String code = rawPath.substring(i + 1, i + 3).toLowerCase(Locale.ROOT);
        if (code.equals("2e") || code.equals("2f") || code.equals("5c") || code.equals("25") || code.equals("00")
            || code.equals("3b")) {
          return Optional.of("encoded '.', '/', '\\', ';', '%' or NUL in the path");
        }
      }
    }
    String[] segments = rawPath.substring(1).split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String s = segments[i];
      boolean last = i == segments.length - 1;
      if (s.isEmpty() && !last) {
        return Optional.of("empty segment ('//') in the path");
      }
      if (s.equals(".") || s.equals("..")) {
        return Optional.of("'.' or '..' segment in the path");
      }
    }
    return Optional.empty();
  }

  /** The request's raw path: its URI as sent, without the query string. */
  public static String raw(HttpServletRequest req) {
    return req.getRequestURI();
  }

  /** The path inside the web application as the container resolved it (decoded, normalised, no context path). */
  public static String normalised(HttpServletRequest req) {
    String servletPath = req.getServletPath() == null ? "" : req.getServletPath();
    String info = req.getPathInfo() == null ? "" : req.getPathInfo();
    String path = servletPath + info;
    return path.isEmpty() ? "/" : path;
  }

  /** True when any segment names the application's private folders, in any letter case. */
  public static boolean isPrivate(String path) {
    for (String s : path.split("/")) {
      if (s.equalsIgnoreCase("WEB-INF") || s.equalsIgnoreCase("META-INF")) {
        return true;
      }
    }
    return false;
  }

  /** The first segment of {@code path} ({@code "/admin/x.xhtml"} → {@code "admin"}; {@code "/"} → {@code ""}). */
  public static String firstSegment(String path) {
    int start = path.startsWith("/") ? 1 : 0;
    int end = path.indexOf('/', start);
    return end < 0 ? path.substring(start) : path.substring(start, end);
  }
}
