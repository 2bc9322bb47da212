/**
 * Grants: the money for one partnership for one financial year, in lines by source (a
 * formula run, a redistribution, or entered by hand for a historic year), plus the carry
 * forward from last year; and the settings of each year (payment profile, return due
 * days, underspend policy). Other modules read them through
 * {@link uk.opcc.cspgrants.grants.GrantManagement}.
 */
package uk.opcc.cspgrants.grants;
