/**
 * Community Safety Partnerships: the districts the Commissioner funds. Officers and
 * administrators maintain them; CSP managers see only their own. Other modules read them
 * through {@link uk.opcc.cspgrants.partnership.PartnershipManagement}.
 */
package uk.opcc.cspgrants.partnership;
