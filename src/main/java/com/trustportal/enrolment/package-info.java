/**
 * Enrolment of sales teams by a tenant admin: the CSV import with a preview of every row's outcome and
 * every problem (row and column), all rows or none, the seat limit, and one-time invitations with
 * which new learners set their password.
 */
package com.trustportal.enrolment;
