/**
 * What each learner has done in the courses their tenant offers: every step's latest answer, the time
 * spent and when it was first completed, stored per tenant and account, keyed by the course's stable
 * step ids so a course edit never loses or corrupts progress. Owns the learner's pages ("My learning"
 * and the module player) and the one rule set for resuming, position and status. Saving is idempotent
 * and durable before the page reports success; content itself comes from the catalogue, read-only.
 */
package com.trustportal.learning;
