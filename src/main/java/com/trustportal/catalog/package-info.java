/**
 * The course catalogue: what a course is (modules, steps, questions, role-plays, the final assessment) and how
 * a course folder written by an author becomes a validated, immutable {@code Course} that the rest of the portal
 * can trust.
 *
 * <p>Content is loaded and checked once, when a catalogue is read, so that a broken course is reported to its author
 * with file and line and is simply not offered, while every other course keeps being served. Learner progress and
 * attempts are stored elsewhere, keyed by the stable ids defined here; the rules that interpret them against the
 * current content (completion, scoring, role-play trust) live on this model so that every feature applies them the
 * same way.
 */
package com.trustportal.catalog;
