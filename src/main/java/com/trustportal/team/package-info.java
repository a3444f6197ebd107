/**
 * What managers and tenant admins see of learning: a manager's direct reports (status per course, progress, last
 * activity, best score, certificate and expiry), the team's funnel through the modules and a heat map of the
 * collaborative behaviours chosen in the role-plays; the admin sees the same for the whole tenant plus seats and
 * certificates. All figures come from grouped queries: a page costs a fixed number of queries whatever the size of
 * the team or tenant. A manager sees exactly their direct reports, never other teams or another tenant.
 */
package com.trustportal.team;
