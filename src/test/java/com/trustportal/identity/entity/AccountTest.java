package com.trustportal.identity.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Sign-in throttling, e-mail normalisation and the session's view of the user. */
class AccountTest {

  private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

  private static Account account() {
    return new Account("lee@acme.example", "Lee Learner", Role.LEARNER, "pbkdf2-sha256$310000$salt$hash", T0);
  }

  @Test
  void fifthFailedSignInLocksTheAccountUntilTheLockoutHasPassed() {
    Account account = account();
    for (int i = 1; i <= 4; i++) {
      account.failedSignIn(T0.plusSeconds(i));
      assertFalse(account.isLocked(T0.plusSeconds(i)), "locked after " + i + " failures");
      assertTrue(account.canSignIn(T0.plusSeconds(i)));
    }
    Instant fifth = T0.plusSeconds(5);

    account.failedSignIn(fifth);

    assertEquals(5, Account.MAX_FAILED_SIGN_INS);
    assertTrue(account.active(), "still active: the lock alone refuses sign-in");
    assertTrue(account.isLocked(fifth));
    assertFalse(account.canSignIn(fifth));
    assertFalse(account.canSignIn(fifth.plus(Account.LOCKOUT).minusMillis(1)));
    assertTrue(account.isLocked(fifth.plus(Account.LOCKOUT).minusMillis(1)));
    assertFalse(account.isLocked(fifth.plus(Account.LOCKOUT)));
    assertTrue(account.canSignIn(fifth.plus(Account.LOCKOUT)));
  }

  @Test
  void lockoutLastsFifteenMinutes() {
    assertEquals(Duration.ofMinutes(15), Account.LOCKOUT);
  }

  @Test
  void afterTheLockoutExpiresTheCountStartsAgain() {
    Account account = account();
    for (int i = 0; i < 5; i++) {
      account.failedSignIn(T0);
    }
    Instant later = T0.plus(Account.LOCKOUT);

    account.failedSignIn(later);

    assertFalse(account.isLocked(later), "one failure after the lockout must not lock again");
    assertEquals(1, account.failedSignIns());
  }

  @Test
  void successfulSignInAfterFourFailuresResetsTheCount() {
    Account account = account();
    for (int i = 0; i < 4; i++) {
      account.failedSignIn(T0);
    }
    Instant success = T0.plusSeconds(10);

    account.signedIn(success);

    assertEquals(0, account.failedSignIns());
    assertEquals(success, account.lastSignIn());
    for (int i = 0; i < 4; i++) {
      account.failedSignIn(success.plusSeconds(1));
    }
    assertFalse(account.isLocked(success.plusSeconds(1)), "4 + 4 failures with a success between must not lock");
    assertTrue(account.canSignIn(success.plusSeconds(1)));
  }

  @Test
  void accountWithoutPasswordCannotSignIn() {
    Account account = new Account("sso@acme.example", "Sam Sso", Role.LEARNER, null, T0);

    assertFalse(account.canSignIn(T0));
  }

  @Test
  void emailIsTrimmedAndLowerCased() {
    Account account = new Account("  Lee.Learner@ACME.Example \t", "Lee", Role.LEARNER, "hash", T0);

    assertEquals("lee.learner@acme.example", account.email());
    assertEquals("lee.learner@acme.example", Account.normalise(" Lee.Learner@Acme.EXAMPLE"));
  }

  @Test
  void accountCannotBeItsOwnManager() {
    Account account = account();

    assertThrows(IllegalArgumentException.class, () -> account.reportTo(account));
    assertNull(account.manager());
  }

  @Test
  void accountReportsToAnotherAccount() {
    Account account = account();
    Account manager = new Account("morgan@acme.example", "Morgan Manager", Role.MANAGER, "hash", T0);

    account.reportTo(manager);

    assertSame(manager, account.manager());
  }

  // --- the session's user ------------------------------------------------------------------------

  @Test
  void signedInUserSurvivesSerialisationAndStaysSmall() throws IOException, ClassNotFoundException {
    SignedInUser user = new SignedInUser("acme", "6f1c1f5e-6c1b-4c55-9a53-0c7a1d2b3e4f", "lee@acme.example", "Lee Learner", Role.MANAGER);
    assertTrue(user instanceof Serializable);

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(user);
    }
    Object copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = in.readObject();
    }

    assertEquals(user, copy);
    assertTrue(bytes.size() < 1024, "serialised size " + bytes.size() + " bytes");
  }

  @Test
  void adminIncludesManagerAndLearner() {
    assertTrue(Role.ADMIN.includes(Role.ADMIN));
    assertTrue(Role.ADMIN.includes(Role.MANAGER));
    assertTrue(Role.ADMIN.includes(Role.LEARNER));
  }

  @Test
  void managerIncludesLearnerButNotAdmin() {
    assertTrue(Role.MANAGER.includes(Role.LEARNER));
    assertFalse(Role.MANAGER.includes(Role.ADMIN));
  }

  @Test
  void learnerDoesNotIncludeManagerOrAdmin() {
    assertTrue(Role.LEARNER.includes(Role.LEARNER));
    assertFalse(Role.LEARNER.includes(Role.MANAGER));
    assertFalse(Role.LEARNER.includes(Role.ADMIN));
  }

  @Test
  void operatorIncludesOnlyOperator() {
    Set<Role> included = Arrays.stream(Role.values()).filter(Role.OPERATOR::includes).collect(Collectors.toSet());

    assertEquals(Set.of(Role.OPERATOR), included);
  }

  @ParameterizedTest
  @EnumSource(value = Role.class, names = {"LEARNER", "MANAGER", "ADMIN"})
  void noTenantRoleIncludesOperator(Role role) {
    assertFalse(role.includes(Role.OPERATOR));
  }

  @Test
  void signedInUserGroupsAreTheRolesItsRoleIncludes() {
    SignedInUser admin = new SignedInUser("acme", "id", "a@acme.example", "Alex", Role.ADMIN);

    assertEquals(Set.of("ADMIN", "MANAGER", "LEARNER"), admin.groups());
    assertTrue(admin.has(Role.LEARNER));
    assertFalse(admin.has(Role.OPERATOR));
    assertEquals("acme:a@acme.example", admin.principalName());
  }
}
