/**
 * Demo data for running the application locally: one user per role and the nine Community
 * Safety Partnerships of Leicester, Leicestershire and Rutland. Only in the {@code demo}
 * profile, which is the default when no profile is chosen.
 */
package uk.opcc.cspgrants.demo;
