/**
 * Organisations: every recipient of a grant beyond the formula's CSPs (councils, the
 * force, charities, community interest companies, companies, other public bodies),
 * identified as the 360Giving Data Standard identifies organisations, and the lead
 * authority through which each CSP is funded. Other modules read them through
 * {@link uk.opcc.cspgrants.organisations.OrganisationDirectory} and change them through
 * {@link uk.opcc.cspgrants.organisations.OrganisationManagement}.
 */
package uk.opcc.cspgrants.organisations;
