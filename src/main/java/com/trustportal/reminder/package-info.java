/**
 * Reminder e-mails: learners whose course is due soon or overdue, or whose certificate expires soon, get one
 * combined e-mail a day; managers get one digest a week about their direct reports. What was sent is recorded in
 * the database under a unique key per person and period, so a restart, a second node or an hourly re-run never
 * sends the same reminder twice.
 */
package com.trustportal.reminder;
