package com.trustportal.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The address a request comes from, for sign-in throttling. It is the TCP peer
 * ({@code getRemoteAddr()}); {@code X-Forwarded-For} is believed only when that peer is one of the
 * reverse proxies listed in {@code PORTAL_TRUSTED_PROXIES} (comma-separated IP addresses), because
 * anyone can send the header: trusting it blindly would let an attacker pick a fresh address per guess.
 * Behind trusted proxies the client is the last address in the header that is not itself a trusted proxy.
 */
public final class ClientAddress {

  private ClientAddress() {}

  public static String of(HttpServletRequest request) {
    return of(request.getRemoteAddr(), request.getHeaders("X-Forwarded-For") == null ? null
        : String.join(",", java.util.Collections.list(request.getHeaders("X-Forwarded-For"))), trustedProxies());
  }

  static String of(String peer, String forwardedFor, Set<String> trusted) {
    if (peer == null || !trusted.contains(peer) || forwardedFor == null || forwardedFor.isBlank()) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (!isAddress(hop)) {
        return peer; // a damaged header: fall back to the proxy itself rather than guess
      }
      if (!trusted.contains(hop)) {
        return hop;
      }
    }
    return peer;
  }

  static Set<String> trustedProxies() {
    String listed = ConfigProvider.getConfig().getOptionalValue("portal.trusted.proxies", String.class).orElse("");
    return Arrays.stream(listed.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
  }

  /** An IPv4 or IPv6 literal (never a host name: nothing here may cause a DNS lookup). */
  static boolean isAddress(String text) {
    return text.length() <= 45 && (text.matches("\\d{1,3}(\\.\\d{1,3}){3}") || text.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*"));
  }
}
