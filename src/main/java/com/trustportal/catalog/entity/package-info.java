/**
 * The immutable course model: a {@code Course} with its objectives, modules and steps, the final assessment's question
 * bank, and the branching role-plays. Instances are only ever built from content that passed validation, so
 * constructors guard the invariants the rest of the portal relies on (exactly one correct choice, every role-play
 * branch leads somewhere, an ending always applies) instead of leaving them to each caller.
 *
 * <p>Behaviour that interprets learner data against content lives here too: completion over the steps that exist
 * now, scoring against a pass mark, drawing assessment questions, and walking a role-play conversation.
 */
package com.trustportal.catalog.entity;
