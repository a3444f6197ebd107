package com.trustportal.identity.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Whose address a guess is counted against: the peer, unless the peer is a trusted proxy. */
class ClientAddressTest {

  private static final Set<String> PROXY = Set.of("10.0.0.2");

  @Test
  void forwardedForIsIgnoredFromAnUntrustedPeer() {
    assertEquals("203.0.113.9", ClientAddress.of("203.0.113.9", "198.51.100.1", PROXY));
    assertEquals("203.0.113.9", ClientAddress.of("203.0.113.9", "198.51.100.1", Set.of()));
  }

  @Test
  void behindATrustedProxyTheLastUntrustedHopIsTheClient() {
    assertEquals("198.51.100.1", ClientAddress.of("10.0.0.2", "198.51.100.1", PROXY));
    // a client cannot pick its address by sending its own header: the proxy appends the real one last
    assertEquals("198.51.100.1", ClientAddress.of("10.0.0.2", "1.2.3.4, 198.51.100.1", PROXY));
    assertEquals("198.51.100.1", ClientAddress.of("10.0.0.2", "198.51.100.1, 10.0.0.2", PROXY));
  }

  @Test
  void aDamagedHeaderFallsBackToThePeerAndNeverToAHostName() {
    assertEquals("10.0.0.2", ClientAddress.of("10.0.0.2", "evil.example.com", PROXY));
    assertEquals("10.0.0.2", ClientAddress.of("10.0.0.2", "", PROXY));
    assertEquals("2001:db8::1", ClientAddress.of("10.0.0.2", "2001:db8::1", PROXY));
  }
}
