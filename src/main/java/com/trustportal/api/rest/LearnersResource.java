package com.trustportal.api.rest;

import com.trustportal.enrolment.boundary.InvitationMail;
import com.trustportal.enrolment.boundary.Learners;
import com.trustportal.enrolment.boundary.NewLearner;
import com.trustportal.identity.entity.Role;
import com.trustportal.identity.entity.Account;
import com.trustportal.team.boundary.LearnerReport;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.time.LocalDate;
import java.util.Locale;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The organisation's learners: list, read, deactivate and reactivate, and each one's progress. */
@Path("learners")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "learners")
public class LearnersResource {

  private static final Set<String> SORTS = Set.of("name", "email", "team", "role", "active", "lastSignIn");

  @Inject Learners learners;
  @Inject LearnerReport report;
  @Inject ApiCaller caller;

  @GET
  @Operation(summary = "One page of the organisation's accounts, sorted and filtered in the database")
  @APIResponse(responseCode = "200", description = "the page")
  @APIResponse(responseCode = "400", description = "a bad parameter, named in the problem's detail")
  public PageJson<LearnerJson> list(
      @Parameter(description = "position of the first item, from 0") @QueryParam("first") String first,
      @Parameter(description = "page size, 1 to 500 (default 50)") @QueryParam("max") String max,
      @Parameter(description = "name, email, team, role, active or lastSignIn") @QueryParam("sort") String sort,
      @Parameter(description = "asc (default) or desc") @QueryParam("order") String order,
      @Parameter(description = "part of a name, e-mail or team, any case") @QueryParam("q") String q) {
    int from = Params.integer("first", first, 0, 0, Integer.MAX_VALUE);
    int size = Params.integer("max", max, 50, 1, 500);
    String by = sort == null ? "name" : sort;
    if (!SORTS.contains(by)) {
      throw new BadRequestException("sort: one of " + String.join(", ", SORTS.stream().sorted().toList()) + "; was '" + sort + "'");
    }
    if (order != null && !order.equals("asc") && !order.equals("desc")) {
      throw new BadRequestException("order: asc or desc; was '" + order + "'");
    }
    if (q != null && q.length() > 100) {
      throw new BadRequestException("q: at most 100 characters");
    }
    List<LearnerJson> items = learners.page(caller.get(), from, size, by, !"desc".equals(order), q).stream()
        .map(LearnerJson::of).toList();
    return new PageJson<>(learners.count(caller.get(), q), from, size, items);
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One account")
  @APIResponse(responseCode = "200", description = "the account")
  @APIResponse(responseCode = "404", description = "no account with this id in the token's organisation")
  public LearnerJson get(@PathParam("id") String id) {
    return LearnerJson.of(find(id));
  }

  @GET
  @Path("{id}/progress")
  @Operation(summary = "The learner's standing in every course the organisation offers")
  @APIResponse(responseCode = "200", description = "one entry per course")
  @APIResponse(responseCode = "404", description = "no account with this id in the token's organisation")
  public List<LearnerReport.CourseStanding> progress(@PathParam("id") String id) {
    return report.of(caller.get(), id).orElseThrow(() -> notFound(id));
  }

  @POST
  @Path("{id}/deactivate")
  @Operation(summary = "Deactivates the account: it keeps its history and frees its seat; idempotent")
  @APIResponse(responseCode = "200", description = "the account, now inactive")
  @APIResponse(responseCode = "404", description = "no account with this id in the token's organisation")
  public LearnerJson deactivate(@PathParam("id") String id) {
    find(id);
    learners.deactivate(caller.get(), id);
    return LearnerJson.of(find(id));
  }

  @POST
  @Path("{id}/reactivate")
  @Operation(summary = "Reactivates the account if a seat is free; idempotent")
  @APIResponse(responseCode = "200", description = "the account, now active")
  @APIResponse(responseCode = "404", description = "no account with this id in the token's organisation")
  @APIResponse(responseCode = "409", description = "every seat is in use")
  public LearnerJson reactivate(@PathParam("id") String id) {
    find(id);
    learners.reactivate(caller.get(), id);
    return LearnerJson.of(find(id));
  }

  /** The body of an add or an edit: the fields of a CSV row, with the name in one field. */
  public record LearnerInput(String email, String name, String team, String managerEmail, String role, String due) {}

  /** A learner just added, with the one-time link to set a password (also e-mailed when SMTP is set up). */
  public record Added(LearnerJson learner, String invitationUrl) {}

  /** A new one-time link. */
  public record Invitation(String invitationUrl) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Adds a learner or manager, with a one-time invitation link to set a password; takes a seat")
  @APIResponse(responseCode = "201", description = "added; Location is the new account")
  @APIResponse(responseCode = "400", description = "a missing or invalid field, named in the detail")
  @APIResponse(responseCode = "409", description = "the e-mail already has an account, or every seat is in use")
  public Response add(LearnerInput body, @Context UriInfo uri) {
    Learners.Added added = learners.add(caller.get(), input(body, true));
    return Response.created(uri.getAbsolutePathBuilder().path(added.account().id()).build())
        .entity(new Added(LearnerJson.of(added.account()), link(added.invitationToken()))).build();
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Changes name, team, manager, role and (if given) the due date of every offered course")
  @APIResponse(responseCode = "200", description = "the account as changed")
  @APIResponse(responseCode = "400", description = "a missing or invalid field, named in the detail")
  @APIResponse(responseCode = "404", description = "no account with this id in the token's organisation")
  public LearnerJson edit(@PathParam("id") String id, LearnerInput body) {
    find(id);
    return LearnerJson.of(learners.edit(caller.get(), id, input(body, false)));
  }

  @POST
  @Path("{id}/invitation")
  @Operation(summary = "A new one-time link for an account that has not set its password; earlier links stop working")
  @APIResponse(responseCode = "201", description = "the new link")
  @APIResponse(responseCode = "404", description = "no account with this id in the token's organisation")
  @APIResponse(responseCode = "409", description = "the account already has a password, or is deactivated")
  public Response reinvite(@PathParam("id") String id) {
    find(id);
    return Response.status(201).entity(new Invitation(link(learners.reissueInvitation(caller.get(), id)))).build();
  }

  private String link(String token) {
    return InvitationMail.link(caller.get().tenant(), token);
  }

  private static NewLearner input(LearnerInput body, boolean adding) {
    if (body == null) {
      throw new BadRequestException("send the learner as a JSON object: {\"email\": ..., \"name\": ...}");
    }
    if (adding && (body.email() == null || body.email().isBlank())) {
      throw new BadRequestException("email: required");
    }
    if (body.name() == null || body.name().isBlank()) {
      throw new BadRequestException("name: required");
    }
    Role role = null;
    if (body.role() != null) {
      role = switch (body.role().toLowerCase(Locale.ROOT)) {
        case "learner" -> Role.LEARNER;
        case "manager" -> Role.MANAGER;
        case "admin" -> Role.ADMIN;
        default -> throw new BadRequestException("role: learner or manager; was '" + body.role() + "'");
      };
    }
    LocalDate due = Params.date("due", body.due());
    return new NewLearner(body.email(), body.name(), body.team(), body.managerEmail(), role, due);
  }

  private Account find(String id) {
    return learners.find(caller.get(), id).orElseThrow(() -> notFound(id));
  }

  private static NotFoundException notFound(String id) {
    return new NotFoundException("no learner with id '" + id + "' in this organisation");
  }
}
