/**
 * The admin REST API ({@code /api/v1}, {@code specs/service-api.md}) and its authentication: the
 * operator's bearer token. Every {@code /api/v1} endpoint needs it; with no token configured the
 * operator API is off.
 */
package io.ziiklb.admin;
