package uk.opcc.cspgrants.organisations;

import java.util.List;
import java.util.stream.Collectors;

import uk.opcc.cspgrants.shared.ConflictException;

/**
 * An organisation is being added (or renamed) with a name that is how another already
 * recorded is spelled (see {@link OrganisationNames#key}). Not a refusal for good: the
 * officer is asked whether it is the same organisation, and may go on if it is not. The
 * API answers 409 with the same words.
 */
public class SimilarNameException extends ConflictException {

	private final List<OrganisationView> similar;

	SimilarNameException(String name, List<OrganisationView> similar) {
		super("name",
				"There is already an organisation called "
						+ similar.stream()
							.map((other) -> other.name() + " (" + other.identifier() + ")")
							.collect(Collectors.joining(" and "))
						+ ". If " + name + " is a different organisation, say so and add it again.");
		this.similar = List.copyOf(similar);
	}

	/** The organisations already recorded under a name like this one. */
	public List<OrganisationView> similar() {
		return this.similar;
	}

}
