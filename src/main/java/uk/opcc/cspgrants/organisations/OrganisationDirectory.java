package uk.opcc.cspgrants.organisations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads recipients for other modules: one organisation, all of them, the one with an
 * identifier, and the lead authority of a CSP.
 */
@Component
@Transactional(readOnly = true)
public class OrganisationDirectory {

	private static final String COLUMNS = "o.id, o.name, o.type, o.identifier, o.charity_number, o.company_number, "
			+ "o.address, o.postcode, o.contact_name, o.contact_email, o.contact_phone, o.version";

	private final JdbcClient jdbc;

	OrganisationDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<OrganisationView> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from organisation o where o.id = ?")
			.param(id)
			.query(OrganisationDirectory::view)
			.optional();
	}

	/** Every organisation, by name. */
	public List<OrganisationView> all() {
		return this.jdbc.sql("select " + COLUMNS + " from organisation o order by lower(o.name), o.id")
			.query(OrganisationDirectory::view)
			.list();
	}

	public Optional<OrganisationView> byIdentifier(String identifier) {
		return this.jdbc.sql("select " + COLUMNS + " from organisation o where upper(o.identifier) = upper(?)")
			.param(identifier)
			.query(OrganisationDirectory::view)
			.optional();
	}

	/** The organisation a CSP is funded through, if one is set. */
	public Optional<OrganisationView> leadAuthorityOf(long partnershipId) {
		return this.jdbc
			.sql("select " + COLUMNS
					+ " from organisation o join partnership_lead_authority l on l.organisation_id = o.id "
					+ "where l.partnership_id = ?")
			.param(partnershipId)
			.query(OrganisationDirectory::view)
			.optional();
	}

	static OrganisationView view(ResultSet rs, int row) throws SQLException {
		return new OrganisationView(rs.getLong(1), rs.getString(2), OrganisationType.valueOf(rs.getString(3)),
				rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
				rs.getString(10), rs.getString(11), rs.getLong(12));
	}

}
