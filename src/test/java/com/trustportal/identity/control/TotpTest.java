package com.trustportal.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TotpTest {

  /** RFC 6238 Appendix B: the SHA-1 seed. */
  private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
  private static final String SECRET = Totp.encode(SEED);

  private static Totp at(long epochSecond) {
    return new Totp(Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
  }

  @ParameterizedTest
  @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
      "2000000000, 69279037", "20000000000, 65353130"})
  void matchesTheSha1TestVectorsOfRfc6238(long time, String expected) {
    assertEquals(expected, Totp.code(SEED, at(time).step(), 8), "eight digits, as the RFC lists them");
    assertEquals(expected.substring(2), at(time).now(SECRET), "six digits, as authenticator apps show them");
  }

  @Test
  void base32OfTheSeedIsWhatAppsAreGiven() {
    assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", SECRET);
    assertEquals(new String(SEED, StandardCharsets.US_ASCII),
        new String(Totp.decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"), StandardCharsets.US_ASCII));
  }

  @Test
  void acceptsTheStepBeforeAndAfterButNotTwoAway() {
    long time = 1111111111;
    long step = time / 30;
    Totp totp = at(time);
    assertEquals(OptionalLong.of(step - 1), totp.accepted(SECRET, Totp.code(SEED, step - 1, 6), Long.MIN_VALUE));
    assertEquals(OptionalLong.of(step + 1), totp.accepted(SECRET, Totp.code(SEED, step + 1, 6), Long.MIN_VALUE));
    assertFalse(totp.accepted(SECRET, Totp.code(SEED, step - 2, 6), Long.MIN_VALUE).isPresent());
    assertFalse(totp.accepted(SECRET, Totp.code(SEED, step + 2, 6), Long.MIN_VALUE).isPresent());
  }

  @Test
  void aCodeIsAcceptedOnceAndNoOlderCodeAfterIt() {
    Totp totp = at(1234567890);
    String code = totp.now(SECRET);
    long step = totp.accepted(SECRET, code, Long.MIN_VALUE).orElseThrow();

    assertFalse(totp.accepted(SECRET, code, step).isPresent(), "the same code again, within its window");
    assertFalse(totp.accepted(SECRET, Totp.code(SEED, step - 1, 6), step).isPresent(),
        "the previous step's code after a later one was used");
    assertTrue(totp.accepted(SECRET, Totp.code(SEED, step + 1, 6), step).isPresent(), "the next step's code is new");
    Totp later = at(1234567890 + 30);
    assertFalse(later.accepted(SECRET, code, step).isPresent(), "still refused half a minute later, inside the drift");
  }

  @Test
  void refusesWhatIsNotSixDigits() {
    Totp totp = at(59);
    assertFalse(totp.accepted(SECRET, "94287082", Long.MIN_VALUE).isPresent());
    assertFalse(totp.accepted(SECRET, "28708", Long.MIN_VALUE).isPresent());
    assertFalse(totp.accepted(SECRET, null, Long.MIN_VALUE).isPresent());
    assertFalse(totp.accepted(SECRET, "000000", Long.MIN_VALUE).isPresent());
  }

  @Test
  void theUriCarriesIssuerAccountAndSecret() {
    assertEquals("otpauth://totp/Acme%20Corp:ann%40acme.example?secret=" + SECRET
        + "&issuer=Acme%20Corp&algorithm=SHA1&digits=6&period=30", Totp.uri("Acme Corp", "ann@acme.example", SECRET));
    assertEquals(32, Totp.newSecret().length());
  }

  @Test
  void recoveryCodesAreTenDistinctAndHashIgnoringCaseAndDash() {
    var codes = RecoveryCodes.generate();
    assertEquals(10, codes.stream().distinct().count());
    String code = codes.get(0);
    assertTrue(RecoveryCodes.looksLikeOne(code));
    assertEquals(RecoveryCodes.hash(code), RecoveryCodes.hash(code.toUpperCase().replace("-", " ")));
    assertFalse(RecoveryCodes.looksLikeOne("123456"));
  }
}
