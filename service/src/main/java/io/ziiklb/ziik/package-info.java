/**
 * Ziik: the client for the part of Ziik's API this product uses ({@code specs/ziik-api.md}) —
 * authentication and renewal, paging, units, roles, users, memberships and webhooks — with typed
 * records and domain exceptions. The only code that knows Ziik's wire format.
 */
package io.ziiklb.ziik;
