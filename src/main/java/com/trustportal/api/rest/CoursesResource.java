package com.trustportal.api.rest;

import com.trustportal.catalog.boundary.Catalog;
import com.trustportal.catalog.entity.Course;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The courses the organisation offers: the ids that enrolments and progress refer to. */
@Path("courses")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "courses")
public class CoursesResource {

  @Inject Catalog catalog;
  @Inject ApiCaller caller;

  /** A course as the API lists it. */
  public record CourseJson(String id, int version, String title, String summary, int minutes, int modules, int steps) {}

  @GET
  @Operation(summary = "The courses the organisation offers")
  public List<CourseJson> list() {
    return catalog.offeredTo(caller.get().tenant()).stream().map(CoursesResource::json).toList();
  }

  private static CourseJson json(Course c) {
    return new CourseJson(c.id(), c.version(), c.title(), c.summary(), c.minutes(), c.modules().size(), c.steps().size());
  }
}
