/**
 * What managers see of their team: each direct report's status per course (not started, in progress,
 * completed, overdue), progress, last activity, best assessment score, and certificate with expiry.
 * A manager sees exactly their direct reports, never other teams or another tenant.
 */
package com.trustportal.team;
