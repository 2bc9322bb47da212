/**
 * Quarterly monitoring: returns entered by OPCC officers (draft, submitted, accepted or
 * returned for correction), payments that fall due when a return is accepted, the
 * monitoring dashboard, and the quarterly reports (Tables 1 and 2) the Board reads.
 * <p>
 * Write side: the {@code QuarterlyReturn} aggregate (with its activity lines) is a JPA
 * entity with a version, stored by a Spring Data repository; its status moves only
 * through its methods as {@link uk.opcc.cspgrants.monitoring.ReturnStatus} allows, and
 * its figures change only while it is a draft or returned. The database refuses any other
 * move, and any change to a submitted or accepted return's figures (migration V14).
 * Payments are recorded through the grant they belong to
 * ({@link uk.opcc.cspgrants.grants.GrantManagement#recordPayment}).
 * <p>
 * Read side: {@code YearReturns} reads a year's returns and their activities in two SQL
 * queries, for the quarterly report, the dashboard, the payments page and the year end,
 * which show every return of a year at once (12,000 returns in the load test's
 * national-scale data would be a query per return through the aggregate). The report's
 * and the dashboard's tables are then rendered once per version of their data and kept
 * ({@code RenderedFragments}): measured in the README's load test.
 */
package uk.opcc.cspgrants.monitoring;
