/**
 * Quarterly monitoring: returns entered by OPCC officers (draft, submitted, accepted or
 * returned for correction), payments that fall due when a return is accepted, the
 * monitoring dashboard, and the quarterly reports (Tables 1 and 2) the Board reads.
 */
package uk.opcc.cspgrants.monitoring;
