/**
 * SCIM 2.0 provisioning (RFC 7643/7644) per tenant: a company's identity provider (Okta, Entra ID) creates,
 * changes and deactivates the tenant's accounts and teams at {@code /t/<slug>/scim/v2}. The protocol (schemas,
 * filters, PATCH and its Entra dialect, error bodies) is the SCIM SDK's; this package maps its users to
 * accounts and its groups to teams, under the tenant's seat limit, with a SCIM token of the tenant.
 */
package com.trustportal.scim;
