/**
 * Turns course folders (YAML and Markdown, on disk or inside a zip) into {@code Course} objects, or into a list of
 * {@link com.trustportal.catalog.control.Problem}s that tell the author exactly which file and line to fix.
 *
 * <p>All validation happens here, at load time, and so does Markdown rendering and HTML sanitising: author content is
 * untrusted (tenants write their own courses), and nothing is parsed or rendered again per request.
 */
package com.trustportal.catalog.control;
