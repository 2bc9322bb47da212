package uk.opcc.cspgrants.security;

/**
 * A person to be told something.
 *
 * @param username their account
 * @param name their name, for "Dear ..." and pages
 * @param email where mail goes, or null: without an address messages stay in the
 * application
 */
public record Recipient(String username, String name, String email) {
}
