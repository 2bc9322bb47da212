/**
 * What the public sees without signing in: published decision records with their
 * redactions applied (as pages and PDFs), the allocations of published runs with their
 * explanations and a "what if" scenario page, and open data in the 360Giving Data
 * Standard.
 */
package uk.opcc.cspgrants.publication;
