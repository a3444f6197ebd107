package com.trustportal.api.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.trustportal.certificate.boundary.RevocationRefused;
import com.trustportal.enrolment.boundary.LearnerChangeRefused;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The API's status for a refusal comes from the refusal's kind alone, never from its words. */
class ProblemMapperTest {

  @Test
  void everyKindOfLearnerRefusalHasItsStatus() {
    Map<LearnerChangeRefused.Reason, Integer> expected = new EnumMap<>(Map.of(
        LearnerChangeRefused.Reason.INVALID_FIELD, 400,
        LearnerChangeRefused.Reason.NOT_FOUND, 404,
        LearnerChangeRefused.Reason.CONFLICT, 409,
        LearnerChangeRefused.Reason.UNKNOWN_REFERENCE, 422));
    assertEquals(LearnerChangeRefused.Reason.values().length, expected.size(), "every reason is in this table");
    expected.forEach((reason, status) -> assertEquals(status, ProblemMapper.refusalStatus(reason), reason.name()));
  }

  @Test
  void everyKindOfRevocationRefusalHasItsStatus() {
    assertEquals(2, RevocationRefused.Reason.values().length, "every reason is checked below");
    assertEquals(409, ProblemMapper.refusalStatus(RevocationRefused.Reason.ALREADY_REVOKED));
    assertEquals(404, ProblemMapper.refusalStatus(RevocationRefused.Reason.NOT_FOUND));
  }

  /** Words the old mapper searched for ("already", "seat", "unknown", "no such") no longer decide anything. */
  @ParameterizedTest
  @ValueSource(strings = {"email: already taken", "seats: none left", "course: unknown", "account: no such account", ""})
  void rewordingARefusalNeverChangesItsStatus(String message) {
    for (LearnerChangeRefused.Reason reason : LearnerChangeRefused.Reason.values()) {
      LearnerChangeRefused refused = new LearnerChangeRefused(reason, message);
      assertEquals(ProblemMapper.refusalStatus(reason), ProblemMapper.refusalStatus(refused.reason()), message);
    }
    assertEquals(400, ProblemMapper.refusalStatus(new LearnerChangeRefused(LearnerChangeRefused.Reason.INVALID_FIELD,
        message).reason()));
    assertEquals(409, ProblemMapper.refusalStatus(new LearnerChangeRefused(LearnerChangeRefused.Reason.CONFLICT,
        message).reason()));
  }
}
