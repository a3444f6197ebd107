package com.trustportal.api.rest;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem document: what went wrong ({@code title}, by status), and in {@code detail} what
 * exactly, in words a developer integrating the API can act on.
 */
public record Problem(int status, String title, String detail, String instance) {

  public static final String MEDIA_TYPE = "application/problem+json";
  // the constructor, not valueOf: loading this class needs no JAX-RS runtime (the API gate is a servlet filter)
  public static final MediaType TYPE = new MediaType("application", "problem+json");

  public static Problem of(int status, String detail, String instance) {
    return new Problem(status, title(status), detail, instance);
  }

  public JsonObject json() {
    JsonObjectBuilder json = Json.createObjectBuilder().add("type", "about:blank").add("title", title).add("status", status);
    if (detail != null) {
      json.add("detail", detail);
    }
    if (instance != null) {
      json.add("instance", instance);
    }
    return json.build();
  }

  public Response response() {
    return Response.status(status).type(TYPE).entity(json().toString()).build();
  }

  static String title(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 406 -> "Not Acceptable";
      case 409 -> "Conflict";
      case 415 -> "Unsupported Media Type";
      case 422 -> "Unprocessable Content";
      case 429 -> "Too Many Requests";
      case 503 -> "Service Unavailable";
      default -> status >= 500 ? "Internal Server Error" : "Error";
    };
  }
}
