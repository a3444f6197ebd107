package com.trustportal.api.rest;

import com.trustportal.enrolment.boundary.Learners;
import com.trustportal.identity.entity.Account;
import com.trustportal.team.boundary.LearnerReport;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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

  private Account find(String id) {
    return learners.find(caller.get(), id).orElseThrow(() -> notFound(id));
  }

  private static NotFoundException notFound(String id) {
    return new NotFoundException("no learner with id '" + id + "' in this organisation");
  }
}
