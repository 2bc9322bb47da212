/**
 * Grants: the money for one partnership for one financial year, in lines by source (a
 * formula run, a redistribution, or entered by hand for a historic year), plus the carry
 * forward from last year and the payments finance records; and the settings of each year
 * (payment profile, return due days, underspend policy). Other modules use them through
 * {@link uk.opcc.cspgrants.grants.GrantManagement}.
 * <p>
 * Write side: the {@code Grant} aggregate (with its lines and payments) and the year's
 * settings are JPA entities with a version, stored by Spring Data repositories; every
 * change goes through a method of the aggregate, which holds the rules (one line per run,
 * one hand-entered line, a negative carry forward only for a carried overspend, each
 * payment once, never paid beyond the total available). The database refuses the same
 * things again (migration V13) in case anything gets past the aggregate.
 * <p>
 * Read side: {@code GrantSchedules} reads a whole year's grants, their lines and payments
 * in two or three SQL queries, whatever the number of partnerships. The schedule, the
 * quarterly report, the dashboard, the payments page and the year end all show every
 * grant of a year; loaded as aggregates that was a query per grant for its lines (300
 * partnerships: 900 queries a page before it became a projection).
 */
package uk.opcc.cspgrants.grants;
