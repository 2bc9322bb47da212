/**
 * Sign-in, roles and user accounts: form sign-in for pages, HTTP Basic for the API, a
 * lock-out after repeated failures, and the administrators' pages for users.
 */
package uk.opcc.cspgrants.security;
