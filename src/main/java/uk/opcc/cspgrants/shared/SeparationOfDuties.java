package uk.opcc.cspgrants.shared;

import java.util.Objects;

/**
 * Nobody approves their own proposal: the one rule, used wherever something proposed by
 * one person is approved, consulted on, published or decided by another. People are the
 * same when their usernames are the same once normalised (NFKC, lower case), so a
 * different spelling of one name is still the same person.
 */
public final class SeparationOfDuties {

	private SeparationOfDuties() {
	}

	/**
	 * Whether two usernames name the same person, read as {@link Usernames} reads them.
	 */
	public static boolean samePerson(String one, String other) {
		return one != null && other != null && Objects.equals(Usernames.normalise(one), Usernames.normalise(other));
	}

	/**
	 * Refuses, with a message saying why, when {@code approver} proposed {@code what}
	 * themselves.
	 * @param proposedBy the username of whoever proposed it
	 * @param approver who is approving it now
	 * @param what what is approved, as in "another finance user must approve run 12"
	 */
	public static void refuseOwnProposal(String proposedBy, CurrentUser approver, String what) {
		if (samePerson(proposedBy, approver.getUsername())) {
			throw new ConflictException(null,
					"Nobody approves their own proposal: another person must approve " + what);
		}
	}

}
