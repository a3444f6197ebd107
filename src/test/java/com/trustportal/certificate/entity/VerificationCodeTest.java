package com.trustportal.certificate.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerificationCodeTest {

  @Test
  void aCodeHas28CrockfordCharactersThatIs140RandomBits() {
    VerificationCode code = VerificationCode.generate();
    assertEquals(28, code.value().length());
    assertTrue(code.value().matches("[0-9A-HJKMNP-TV-Z]{28}"), code.value());
    assertTrue(VerificationCode.LENGTH * Math.log(32) / Math.log(2) >= 128);
  }

  @Test
  void itIsShownInSevenGroupsOfFour() {
    String formatted = VerificationCode.generate().formatted();
    assertTrue(formatted.matches("([0-9A-Z]{4}-){6}[0-9A-Z]{4}"), formatted);
  }

  @Test
  void tenThousandCodesAreAllDifferentAndUseEveryCharacter() {
    Set<String> codes = new HashSet<>();
    Set<Character> used = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String code = VerificationCode.generate().value();
      codes.add(code);
      code.chars().forEach(c -> used.add((char) c));
    }
    assertEquals(10_000, codes.size());
    assertEquals(32, used.size());
  }

  @Test
  void parsingForgivesHowPeopleCopyCodesFromPaper() {
    VerificationCode code = VerificationCode.generate();
    assertEquals(Optional.of(code), VerificationCode.parse(code.formatted()));
    assertEquals(Optional.of(code), VerificationCode.parse(code.formatted().toLowerCase()));
    assertEquals(Optional.of(code), VerificationCode.parse(code.value().replace('0', 'O').replace('1', 'I')));
    assertEquals(Optional.of(code), VerificationCode.parse(code.formatted().replace('-', ' ')));
  }

  @Test
  void anythingElseIsNotACode() {
    assertEquals(Optional.empty(), VerificationCode.parse(null));
    assertEquals(Optional.empty(), VerificationCode.parse(""));
    assertEquals(Optional.empty(), VerificationCode.parse("ABCD-EFGH"));
    assertEquals(Optional.empty(), VerificationCode.parse("U".repeat(28)), "U is not in the alphabet");
    assertEquals(Optional.empty(), VerificationCode.parse("<script>alert(1)</script>"));
    assertEquals(Optional.empty(), VerificationCode.parse("A".repeat(29)));
    assertEquals(Optional.empty(), VerificationCode.parse("A".repeat(10_000)));
    assertNotEquals(VerificationCode.generate(), VerificationCode.generate());
  }
}
