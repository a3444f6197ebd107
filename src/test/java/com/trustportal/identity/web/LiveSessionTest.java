package com.trustportal.identity.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.identity.control.SecurityStates;
import com.trustportal.identity.entity.Role;
import com.trustportal.identity.entity.SignedInUser;
import com.trustportal.tenant.control.TenantContext;
import com.trustportal.tenant.control.TenantDirectory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The session checks that need no database: a tenant that is no longer served ends its sessions, and a
 * request already running for another tenant never reads this account (the account checks themselves
 * are proven over HTTP by {@code identity.SessionsIT}).
 */
class LiveSessionTest {

  private final Map<String, Object> sessionAttributes = new HashMap<>();
  private final Map<String, Object> requestAttributes = new HashMap<>();
  private boolean invalidated;
  private final LiveSession live = new LiveSession();

  LiveSessionTest() {
    live.directory = new TenantDirectory(); // serves no tenant
    live.states = new SecurityStates();
  }

  @Test
  void aSessionOfATenantThatIsNoLongerServedEnds() {
    sessionAttributes.put(SignedInUser.SESSION_KEY, new SignedInUser("gone", "a1", "lee@gone.example", "Lee", Role.ADMIN, 0));

    assertEquals(Optional.empty(), live.current(request(true)));
    assertTrue(invalidated, "the session is invalidated, not just ignored");
    assertEquals(Optional.empty(), live.current(request(true)), "and the rest of the request is anonymous");
  }

  @Test
  void noSessionIsAnonymous() {
    assertEquals(Optional.empty(), live.current(request(false)));
    assertFalse(invalidated);
  }

  @Test
  void aRequestRunningForAnotherTenantDoesNotReadTheAccountAndEndsNothing() {
    sessionAttributes.put(SignedInUser.SESSION_KEY, new SignedInUser("acme", "a1", "lee@acme.example", "Lee", Role.LEARNER, 0));

    Optional<SignedInUser> seen = TenantContext.callAsUnchecked("globex", () -> live.current(request(true)));

    assertEquals(Optional.empty(), seen);
    assertFalse(invalidated);
  }

  private HttpServletRequest request(boolean withSession) {
    HttpSession session = (HttpSession) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpSession.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "getAttribute" -> sessionAttributes.get((String) args[0]);
          case "invalidate" -> {
            invalidated = true;
            sessionAttributes.clear();
            yield null;
          }
          default -> throw new UnsupportedOperationException(method.getName());
        });
    return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletRequest.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "getSession" -> withSession && !invalidated ? session : null;
          case "getAttribute" -> requestAttributes.get((String) args[0]);
          case "setAttribute" -> {
            requestAttributes.put((String) args[0], args[1]);
            yield null;
          }
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }
}
