/**
 * The audit trail: an append-only record of every change of a partnership, a user, an
 * amount or a status, with who made it, when, and the values before and after. Other
 * modules record through {@link uk.opcc.cspgrants.audit.AuditTrail}; administrators
 * browse it on a page.
 */
package uk.opcc.cspgrants.audit;
