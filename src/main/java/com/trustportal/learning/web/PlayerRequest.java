package com.trustportal.learning.web;

import com.trustportal.catalog.boundary.Catalog;
import com.trustportal.catalog.entity.Lesson;
import com.trustportal.tenant.control.TenantContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;

/**
 * The course and step a player request names, straight from its parameters, and whether the page is a stateless view
 * because of it. A lesson has nothing for the server to remember between requests (its only actions, "mark as read"
 * and the heartbeat, need just the course and the step), so it is rendered as a transient view: no Faces state, no
 * view-scoped player kept in the session. Decided from the request alone because a stateless post-back is rebuilt
 * before the player has any state; {@code platform.web.StatelessPostbacks} makes every post-back carry the query.
 */
@Named
@RequestScoped
public class PlayerRequest {

  @Inject Catalog catalog;

  private Boolean lesson;

  /** Whether the request names a lesson the tenant offers: the player page is then a stateless view. */
  public boolean isStateless() {
    if (lesson == null) {
      String courseId = parameter("course");
      String stepId = parameter("step");
      lesson = courseId != null && stepId != null && catalog.course(TenantContext.require(), courseId)
          .flatMap(c -> c.step(stepId)).filter(Lesson.class::isInstance).isPresent();
    }
    return lesson;
  }

  String courseId() {
    return parameter("course");
  }

  String stepId() {
    return parameter("step");
  }

  private static String parameter(String name) {
    Map<String, String> parameters = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
    return parameters.get(name);
  }
}
