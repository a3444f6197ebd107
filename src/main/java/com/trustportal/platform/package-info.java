/**
 * App-wide plumbing: run-time settings, the data source and its migrations, start-up (migrate,
 * apply tenants, log what happened) and health. Nothing here knows a tenant's data.
 */
package com.trustportal.platform;
