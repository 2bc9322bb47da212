package uk.opcc.cspgrants.audit;

import uk.opcc.cspgrants.shared.web.DateParts;

/**
 * The audit trail's filters as typed: what the events are about (a type, and one thing's
 * id), who made them, and the first and last day, each as the GOV.UK date input sends it.
 */
public record AuditFilterForm(String entityType, String entityId, String actor, DateParts from, DateParts to) {

}
