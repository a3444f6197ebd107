package com.trustportal.api.rest;

import com.trustportal.certificate.boundary.RevocationRefused;
import com.trustportal.enrolment.boundary.LearnerChangeRefused;
import com.trustportal.platform.DatabaseOutage;
import com.trustportal.platform.web.DatabaseOutageFilter;
import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure of the API as a problem document with a status that says whose fault it is: the
 * caller's request (400, 404, 409, 422), the token's rights (403), or ours (500, logged with an id that
 * the answer quotes, never with a stack trace in the answer).
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger("portal");

  @Context HttpServletRequest request;

  @Override
  public Response toResponse(Throwable thrown) {
    Throwable cause = thrown;
    while (cause instanceof EJBException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    String instance = request == null ? null : request.getRequestURI();
    if (cause instanceof WebApplicationException web) {
      int status = web.getResponse().getStatus();
      String detail = web.getMessage();
      if (detail == null || detail.startsWith("HTTP ")) {
        detail = defaultDetail(status);
      }
      Response.ResponseBuilder answer = Response.fromResponse(Problem.of(status, detail, instance).response());
      web.getResponse().getHeaders().forEach((name, values) -> {
        if (!name.equalsIgnoreCase("Content-Type")) {
          values.forEach(v -> answer.header(name, v));
        }
      });
      return answer.type(Problem.TYPE).build();
    }
    if (cause instanceof SecurityException) {
      return Problem.of(403, cause.getMessage(), instance).response();
    }
    if (cause instanceof LearnerChangeRefused refused) {
      return Problem.of(refusalStatus(refused.reason()), refused.getMessage(), instance).response();
    }
    if (cause instanceof RevocationRefused refused) {
      return Problem.of(refusalStatus(refused.reason()), refused.getMessage(), instance).response();
    }
    if (cause instanceof ProcessingException && request != null && request.getContentLength() != 0) {
      // Jersey could not read the body: malformed JSON or a value of the wrong type
      Throwable reason = cause.getCause() == null ? cause : cause.getCause();
      return Problem.of(400, "the request body is not the JSON this endpoint expects: " + reason.getMessage(), instance)
          .response();
    }
    if (cause instanceof IllegalArgumentException || cause instanceof JsonbException || cause instanceof JsonException) {
      return Problem.of(400, cause.getMessage(), instance).response();
    }
    if (DatabaseOutage.is(thrown)) {
      return Response.fromResponse(Problem.of(503, "the portal cannot reach its database; nothing was changed, try again"
          + " in " + DatabaseOutageFilter.RETRY_AFTER_SECONDS + " s", instance).response())
          .header("Retry-After", DatabaseOutageFilter.RETRY_AFTER_SECONDS).build();
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "API failure " + incident + " on " + instance, thrown);
    return Problem.of(500, "unexpected error, logged as incident " + incident, instance).response();
  }

  /**
   * A refusal by the organisation's rules, by its kind (never by its wording): 400 for a malformed or
   * disallowed field, 404 for an account that is not there, 409 when the change conflicts with what is
   * stored (a taken e-mail, no free seat, a password already set), 422 for a value that names nothing
   * here (unknown course, team, manager).
   */
  static int refusalStatus(LearnerChangeRefused.Reason reason) {
    return switch (reason) {
      case INVALID_FIELD -> 400;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case UNKNOWN_REFERENCE -> 422;
    };
  }

  /** A second revocation conflicts with the first (409); an unknown code is not found (404). */
  static int refusalStatus(RevocationRefused.Reason reason) {
    return switch (reason) {
      case ALREADY_REVOKED -> 409;
      case NOT_FOUND -> 404;
    };
  }

  private static String defaultDetail(int status) {
    return switch (status) {
      case 404 -> "no such resource in this API; see /openapi";
      case 405 -> "this method is not allowed here; see /openapi";
      case 406 -> "this API answers application/json only";
      case 415 -> "send the body as application/json";
      default -> Problem.title(status);
    };
  }
}
