/**
 * Single sign-on per tenant with OpenID Connect: each tenant brings its own identity provider (named in its
 * {@code tenant.yaml}), so metadata, keys, pending sign-ins and accounts never cross tenants. The web layer runs
 * the authorization code flow with PKCE, state and nonce; the control layer validates ID tokens against the
 * tenant's own provider; the boundary matches or creates the account. The session that results is the one a
 * password sign-in gives, made by the identity feature's authentication mechanism.
 */
package com.trustportal.sso;
