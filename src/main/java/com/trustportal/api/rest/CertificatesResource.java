package com.trustportal.api.rest;

import com.trustportal.certificate.boundary.Certificates;
import com.trustportal.certificate.entity.Certificate;
import com.trustportal.certificate.entity.RevocationReason;
import com.trustportal.certificate.entity.VerificationCode;
import com.trustportal.platform.Settings;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Certificates the organisation issued: list (newest first), read one, revoke. */
@Path("certificates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "certificates")
public class CertificatesResource {

  @Inject Certificates certificates;
  @Inject ApiCaller caller;

  /** The body of a revocation. */
  public record Revocation(String reason) {}

  @GET
  @Operation(summary = "The organisation's certificates, newest first, optionally of one learner")
  @APIResponse(responseCode = "200", description = "one page of certificates")
  public PageJson<CertificateJson> list(@QueryParam("learner") String learnerId, @QueryParam("first") String first,
      @QueryParam("max") String max) {
    int from = Params.integer("first", first, 0, 0, Integer.MAX_VALUE);
    int size = Params.integer("max", max, 100, 1, 1000);
    List<Certificate> all = certificates.all(caller.get()).stream()
        .filter(c -> learnerId == null || c.accountId().equals(learnerId)).toList();
    List<CertificateJson> items = all.stream().skip(from).limit(size).map(this::json).toList();
    return new PageJson<>(all.size(), from, size, items);
  }

  @GET
  @Path("{code}")
  @Operation(summary = "One certificate by its verification code (with or without dashes)")
  @APIResponse(responseCode = "200", description = "the certificate")
  @APIResponse(responseCode = "404", description = "no certificate with this code in the token's organisation")
  public CertificateJson get(@PathParam("code") String code) {
    return json(find(code));
  }

  @POST
  @Path("{code}/revoke")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Revokes a certificate; the public verification page says so at once")
  @APIResponse(responseCode = "200", description = "the certificate, now revoked")
  @APIResponse(responseCode = "400", description = "a missing or unknown reason")
  @APIResponse(responseCode = "404", description = "no certificate with this code in the token's organisation")
  @APIResponse(responseCode = "409", description = "the certificate was already revoked; revocation is final")
  public CertificateJson revoke(@PathParam("code") String code, Revocation body) {
    Certificate certificate = find(code);
    RevocationReason reason = reason(body);
    return json(certificates.revoke(caller.get(), certificate.code(), reason));
  }

  private Certificate find(String code) {
    VerificationCode parsed = VerificationCode.parse(code)
        .orElseThrow(() -> new NotFoundException("'" + code + "' is not a certificate code"));
    return certificates.forDownload(caller.get(), parsed)
        .orElseThrow(() -> new NotFoundException("no certificate " + parsed.formatted() + " in this organisation"));
  }

  private static RevocationReason reason(Revocation body) {
    String names = String.join(", ", Arrays.stream(RevocationReason.values()).map(Enum::name).toList());
    if (body == null || body.reason() == null) {
      throw new BadRequestException("reason: required, one of " + names);
    }
    try {
      return RevocationReason.valueOf(body.reason());
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("reason: one of " + names + "; was '" + body.reason() + "'");
    }
  }

  private CertificateJson json(Certificate c) {
    return CertificateJson.of(c, certificates.status(c), Settings.publicUrl() + "/verify/" + c.code().formatted());
  }
}
