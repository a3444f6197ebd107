package com.trustportal.enrolment.entity;

import java.util.List;

/** Fired when an import that created learners has committed: their invitations can be e-mailed now. */
public record LearnersInvited(String tenant, String tenantName, List<Invitee> invitees) {

  /** One new learner with the token of their one-time link. */
  public record Invitee(String email, String name, String token) {}

  public LearnersInvited {
    invitees = List.copyOf(invitees);
  }
}
