package uk.opcc.cspgrants.partnership;

import java.util.List;

/**
 * A Community Safety Partnership as other modules, pages and the API see it.
 *
 * @param id internal id
 * @param code short code, e.g. {@code CHA}
 * @param name e.g. {@code Charnwood}
 * @param onsCode ONS area code of the district, e.g. {@code E07000130}, or {@code null}
 * @param leadAuthority the local authority that leads the partnership
 * @param active false once archived
 * @param version for optimistic locking: send it back with a change
 * @param aliases other names it goes by in source data
 * @param responsibleOfficerId the account of the OPCC officer responsible for it, told of
 * its returns, or {@code null} when none is chosen
 */
public record PartnershipView(long id, String code, String name, String onsCode, String leadAuthority, boolean active,
		long version, List<String> aliases, Long responsibleOfficerId) {

	/** With no officer responsible chosen. */
	public PartnershipView(long id, String code, String name, String onsCode, String leadAuthority, boolean active,
			long version, List<String> aliases) {
		this(id, code, name, onsCode, leadAuthority, active, version, aliases, null);
	}

	/** Whether this partnership is called {@code name}, or goes by it, ignoring case. */
	public boolean isCalled(String name) {
		return this.name.equalsIgnoreCase(name)
				|| this.aliases.stream().anyMatch(alias -> alias.equalsIgnoreCase(name));
	}

}
