package com.trustportal.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.trustportal.api.boundary.ApiTokens;
import com.trustportal.identity.entity.Role;
import com.trustportal.identity.entity.SignedInUser;
import com.trustportal.tenant.IsolationProbe;
import com.trustportal.tenant.control.TenantConfig;
import com.trustportal.tenant.control.TenantDirectory;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Whatever fails behind the gate (the token look-up, a later filter, the resource) answers the API's
 * problem document with an incident id, never the server's HTML error page and never the failure's text.
 */
class ApiGateTest {

  private static final String SECRET_TEXT = "ERROR: terminating connection due to administrator command (SQLState 57P01)";

  @Test
  void aFailureAfterTheGateAnswersProblemJson500WithAnIncidentId() throws Exception {
    Answer answer = new Answer();
    ApiGate gate = gate(new ApiTokens() {
      @Override
      public Optional<SignedInUser> authenticate(String presented) {
        return Optional.of(new SignedInUser(slug, "token-id", "api-token:x", "API token x", Role.ADMIN));
      }
    });

    gate.doFilter(request(), answer.response(), failingChain());

    answer.assertProblem500();
  }

  @Test
  void aFailureOfTheTokenLookUpAnswersProblemJson500() throws Exception {
    Answer answer = new Answer();
    ApiGate gate = gate(new ApiTokens() {
      @Override
      public Optional<SignedInUser> authenticate(String presented) {
        throw new IllegalStateException(SECRET_TEXT);
      }
    });

    gate.doFilter(request(), answer.response(), (req, res) -> {
      throw new AssertionError("not reached");
    });

    answer.assertProblem500();
  }

  private final TenantConfig tenant = IsolationProbe.tenant("gate");
  private final String slug = tenant.slug();

  private ApiGate gate(ApiTokens tokens) {
    ApiGate gate = new ApiGate();
    gate.directory = new TenantDirectory();
    gate.directory.replace(Map.of(slug, tenant), Map.of());
    gate.tokens = tokens;
    return gate;
  }

  private static FilterChain failingChain() {
    return (req, res) -> {
      throw new IllegalStateException(SECRET_TEXT);
    };
  }

  private HttpServletRequest request() {
    String token = "tp_" + slug + "_" + "ab".repeat(32);
    Map<String, Object> attributes = new HashMap<>();
    return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletRequest.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "getHeader" -> "Authorization".equalsIgnoreCase((String) args[0]) ? "Bearer " + token : null;
          case "getRequestURI" -> "/api/v1/courses";
          case "setAttribute" -> attributes.put((String) args[0], args[1]);
          case "getAttribute" -> attributes.get((String) args[0]);
          default -> null;
        });
  }

  /** The response the gate writes: status, content type and body. */
  private static final class Answer {
    int status = 200;
    String contentType;
    final ByteArrayOutputStream body = new ByteArrayOutputStream();

    HttpServletResponse response() {
      ServletOutputStream out = new ServletOutputStream() {
        @Override
        public void write(int b) {
          body.write(b);
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {}
      };
      return (HttpServletResponse) Proxy.newProxyInstance(ApiGateTest.class.getClassLoader(),
          new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
            switch (method.getName()) {
              case "setStatus" -> status = (Integer) args[0];
              case "setContentType" -> contentType = (String) args[0];
              case "getOutputStream" -> {
                return out;
              }
              case "isCommitted" -> {
                return false;
              }
              case "reset" -> {
                status = 200;
                contentType = null;
                body.reset();
              }
              default -> {
                // headers, encoding, length: not looked at here
              }
            }
            return null;
          });
    }

    void assertProblem500() {
      String text = body.toString(StandardCharsets.UTF_8);
      assertEquals(500, status, text);
      assertEquals("application/problem+json", contentType);
      JsonObject problem = Json.createReader(new StringReader(text)).readObject();
      assertEquals(500, problem.getInt("status"));
      assertTrue(problem.getString("detail").matches("unexpected error, logged as incident [0-9a-f-]{36}"), text);
      for (String leak : List.of("SQL", "terminating", "IllegalState")) {
        assertFalse(text.contains(leak), text);
      }
    }
  }
}
