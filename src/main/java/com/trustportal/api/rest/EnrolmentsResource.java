package com.trustportal.api.rest;

import com.trustportal.enrolment.boundary.CourseEnrolments;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Enrols a learner, or every active member of a team, in an offered course, with an optional due date. */
@Path("enrolments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "enrolments")
public class EnrolmentsResource {

  @Inject CourseEnrolments enrolments;
  @Inject ApiCaller caller;

  /** Exactly one of {@code learnerId} and {@code team}; {@code due} like 2027-03-31 or absent. */
  public record EnrolmentInput(String learnerId, String team, String courseId, String due) {}

  /** What an enrolment did. */
  public record Enrolled(String courseId, String due, int learners) {}

  @POST
  @Operation(summary = "Enrols one learner or a whole team in a course; the due date shows in their 'My learning'")
  @APIResponse(responseCode = "200", description = "how many learners were enrolled")
  @APIResponse(responseCode = "400", description = "a missing or invalid field, named in the detail")
  @APIResponse(responseCode = "422", description = "an unknown course, learner or team of this organisation")
  public Enrolled enrol(EnrolmentInput body) {
    if (body == null || body.courseId() == null || body.courseId().isBlank()) {
      throw new BadRequestException("courseId: required (GET /api/v1/courses lists them)");
    }
    boolean learner = body.learnerId() != null && !body.learnerId().isBlank();
    boolean team = body.team() != null && !body.team().isBlank();
    if (learner == team) {
      throw new BadRequestException("learnerId, team: give exactly one of them");
    }
    LocalDate due = Params.date("due", body.due());
    int count = learner ? enrolments.enrolLearner(caller.get(), body.learnerId(), body.courseId(), due)
        : enrolments.enrolTeam(caller.get(), body.team(), body.courseId(), due);
    return new Enrolled(body.courseId(), due == null ? null : due.toString(), count);
  }
}
