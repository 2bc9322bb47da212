package uk.opcc.cspgrants.organisations;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.support.Acting;
import uk.opcc.cspgrants.support.IntegrationTest;
import uk.opcc.cspgrants.support.Principals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Organisations on the shared test database: identifiers from register numbers,
 * duplicates refused by identifier and warned of by name, the import's find-or-create,
 * versions, and one lead authority per CSP. Every organisation made here is called "Test
 * Org ..." and removed afterwards.
 */
@IntegrationTest
class OrganisationManagementTest {

	@Autowired
	OrganisationManagement organisations;

	@Autowired
	OrganisationDirectory directory;

	@Autowired
	JdbcTemplate jdbc;

	/**
	 * Lead authorities the demo data may hold for the partnerships used here, put back
	 * afterwards.
	 */
	private List<java.util.Map<String, Object>> keptLeads = List.of();

	@AfterEach
	void removeTheTestOrganisations() {
		this.jdbc.update("delete from partnership_lead_authority where partnership_id in "
				+ "(select id from partnership where code in ('BLA', 'CHA'))");
		for (java.util.Map<String, Object> kept : this.keptLeads) {
			this.jdbc.update("insert into partnership_lead_authority (partnership_id, organisation_id) values (?, ?)",
					kept.get("partnership_id"), kept.get("organisation_id"));
		}
		this.jdbc.update("delete from partnership_lead_authority where organisation_id in "
				+ "(select id from organisation where name ilike '%test org%')");
		this.jdbc.update("delete from organisation where name ilike '%test org%'");
	}

	@Test
	void theDatabaseComparesNamesAsTheJavaKeyDoes() {
		for (String name : List.of("Contact Project (The)", "The Contact Project", "Leicester Nirvana C.I.C",
				"Friends of Holly Hayes Wood Ltd", "Women's Aid Leicestershire Ltd (WALL)", "Hinckley & Bosworth",
				"St Philips Centre (Multi-Faith Consultant)", "Warning Zone Ltd (Warning Zone)", "2Funky Arts",
				"  The  Théâtre, Ltd. ", "Ltd", "The", "Catch22",
				"Living Without Abuse (formerly Loughborough Women’s Aid)")) {
			assertThat(this.jdbc.queryForObject("select organisation_name_key(?)", String.class, name)).as(name)
				.isEqualTo(OrganisationNames.key(name));
		}
	}

	@Test
	void aCharityIsRecordedOnceByItsCharityNumber() {
		OrganisationRecord first = as("officer",
				() -> this.organisations.create(charity("Test Org Youth Trust", "1099001"), false));
		assertThat(first.identifier()).isEqualTo("GB-CHC-1099001");
		assertThat(this.directory.byIdentifier("gb-chc-1099001")).map(OrganisationView::name)
			.contains("Test Org Youth Trust");

		assertThatThrownBy(() -> as("officer",
				() -> this.organisations.create(charity("Test Org Another Name", " 1099 001"), false)))
			.isInstanceOfSatisfying(ConflictException.class, (refused) -> {
				assertThat(refused.field()).isEqualTo("charityNumber");
				assertThat(refused.getMessage())
					.isEqualTo("The charity number 1099001 is already recorded as Test Org Youth Trust");
			});
		assertThat(count("Test Org Another Name")).isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from audit_event where entity_type = 'Organisation' "
				+ "and action = 'CREATE' and entity_id = ?", Long.class, String.valueOf(first.id())))
			.isEqualTo(1);
	}

	@Test
	void aNameSpelledLikeAnotherIsAWarningTheOfficerMayGoPast() {
		OrganisationRecord first = as("officer", () -> this.organisations
			.create(OrganisationDetails.named("The Test Org Project", OrganisationType.OTHER), false));
		assertThat(first.identifier()).isEqualTo("360G-opcc-leics-org-test-org-project");

		assertThatThrownBy(() -> as("officer",
				() -> this.organisations
					.create(OrganisationDetails.named("Test Org Project (The)", OrganisationType.CHARITY), false)))
			.isInstanceOfSatisfying(SimilarNameException.class, (warned) -> {
				assertThat(warned.similar()).extracting(OrganisationView::name).containsExactly("The Test Org Project");
				assertThat(warned.getMessage()).startsWith(
						"There is already an organisation called The Test Org Project (360G-opcc-leics-org-test-org-project)");
			});

		OrganisationRecord second = as("officer", () -> this.organisations
			.create(OrganisationDetails.named("Test Org Project (The)", OrganisationType.CHARITY), true));
		assertThat(second.identifier()).isEqualTo("360G-opcc-leics-org-test-org-project-2");
		assertThat(this.organisations.similarTo("test org project ltd", null)).extracting(OrganisationView::id)
			.containsExactly(first.id(), second.id());
	}

	@Test
	void anImportFindsTheOrganisationByItsSpellingOrMakesOne() {
		OrganisationRecord recorded = as("officer",
				() -> this.organisations.create(new OrganisationDetails("Test Org Nirvana C.I.C", OrganisationType.CIC,
						null, "8123456", null, null, null, null, null, null), false));
		OrganisationView found = this.organisations.findOrCreateByName("Test Org Nirvana CIC", OrganisationType.OTHER,
				Principals.of("officer", this.jdbc));
		assertThat(found.id()).isEqualTo(recorded.id());
		assertThat(found.identifier()).isEqualTo("GB-COH-08123456");

		OrganisationView made = as("officer", () -> this.organisations.findOrCreateByName("Test Org Street Pastors",
				OrganisationType.CHARITY, Principals.of("officer", this.jdbc)));
		assertThat(made.identifier()).isEqualTo("360G-opcc-leics-org-test-org-street-pastors");
		assertThat(made.type()).isEqualTo(OrganisationType.CHARITY);
		OrganisationView again = as("officer", () -> this.organisations.findOrCreateByName("TEST ORG STREET PASTORS",
				OrganisationType.CHARITY, Principals.of("officer", this.jdbc)));
		assertThat(again.id()).isEqualTo(made.id());
		assertThat(this.jdbc.queryForObject("select actor from audit_event where entity_type = 'Organisation' "
				+ "and action = 'CREATE' and entity_id = ?", String.class, String.valueOf(made.id())))
			.isEqualTo("officer");
		assertThatThrownBy(() -> this.organisations.findOrCreateByName("Test Org Anything", OrganisationType.OTHER,
				Principals.of("finance", this.jdbc)))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
	}

	@Test
	void aChangeFromAnOldVersionIsRefusedNamingWhoChangedIt() {
		OrganisationRecord made = as("officer", () -> this.organisations
			.create(OrganisationDetails.named("Test Org Food Bank", OrganisationType.CHARITY), false));
		OrganisationRecord changed = as("admin",
				() -> this.organisations.update(made.id(), new OrganisationDetails("Test Org Food Bank",
						OrganisationType.CHARITY, "1099002", null, null, null, null, "Sam Smith", null, null), 0,
						false));
		assertThat(changed.identifier()).as("a charity number given makes the register's identifier")
			.isEqualTo("GB-CHC-1099002");
		assertThat(changed.version()).isEqualTo(1);

		assertThatThrownBy(() -> as("officer",
				() -> this.organisations.update(made.id(),
						OrganisationDetails.named("Test Org Food Bank", OrganisationType.CHARITY), 0, false)))
			.isInstanceOf(ConflictException.class)
			.hasMessage("Ada Admin changed Test Org Food Bank after you opened it. "
					+ "Check the current values and save again.");
		assertThat(this.organisations.get(made.id()).contactName()).isEqualTo("Sam Smith");
	}

	@Test
	void anOpccIdentifierStaysWhenTheNameChanges() {
		OrganisationRecord made = as("officer", () -> this.organisations
			.create(OrganisationDetails.named("Test Org Outreach", OrganisationType.PUBLIC_BODY), false));
		OrganisationRecord renamed = as("officer", () -> this.organisations.update(made.id(),
				OrganisationDetails.named("Test Org Outreach Service", OrganisationType.PUBLIC_BODY), 0, false));
		assertThat(renamed.identifier()).isEqualTo("360G-opcc-leics-org-test-org-outreach");
	}

	@Test
	void aPartnershipHasOneLeadAuthority() {
		long blaby = partnership("BLA");
		long charnwood = partnership("CHA");
		this.keptLeads = this.jdbc
			.queryForList("select partnership_id, organisation_id from partnership_lead_authority "
					+ "where partnership_id in (?, ?)", blaby, charnwood);
		this.jdbc.update("delete from partnership_lead_authority where partnership_id in (?, ?)", blaby, charnwood);
		OrganisationRecord council = as("officer",
				() -> this.organisations.create(new OrganisationDetails("Test Org District Council",
						OrganisationType.LOCAL_AUTHORITY, null, null, "zzz", null, null, null, null, null), false));
		assertThat(council.identifier()).isEqualTo("GB-LAE-ZZZ");
		OrganisationRecord leads = as("officer",
				() -> this.organisations.setLeadAuthorities(council.id(), Set.of(blaby, charnwood), 0));
		assertThat(leads.leads()).extracting(OrganisationRecord.LedPartnership::code).containsExactly("BLA", "CHA");
		assertThat(this.directory.leadAuthorityOf(blaby)).map(OrganisationView::id).contains(council.id());

		OrganisationRecord other = as("officer", () -> this.organisations
			.create(OrganisationDetails.named("Test Org Borough Council", OrganisationType.LOCAL_AUTHORITY), false));
		assertThatThrownBy(
				() -> as("officer", () -> this.organisations.setLeadAuthorities(other.id(), Set.of(blaby), 0)))
			.isInstanceOfSatisfying(ConflictException.class, (refused) -> {
				assertThat(refused.field()).isEqualTo("partnershipIds");
				assertThat(refused.getMessage()).startsWith("Blaby is led by Test Org District Council");
			});

		as("officer", () -> this.organisations.setLeadAuthorities(council.id(), Set.of(charnwood), 1));
		OrganisationRecord now = as("officer",
				() -> this.organisations.setLeadAuthorities(other.id(), Set.of(blaby), 0));
		assertThat(now.leads()).extracting(OrganisationRecord.LedPartnership::name).containsExactly("Blaby");
		assertThat(
				this.jdbc.queryForObject(
						"select count(*) from audit_event where entity_type = 'Organisation' "
								+ "and action = 'LEAD_AUTHORITY' and entity_id = ?",
						Long.class, String.valueOf(council.id())))
			.isEqualTo(2);

		this.organisations.clearLeadAuthorityOf(blaby);
		assertThat(this.directory.leadAuthorityOf(blaby)).isEmpty();
		this.organisations.setLeadAuthorityOf(charnwood, other.id());
		assertThat(this.directory.leadAuthorityOf(charnwood)).map(OrganisationView::name)
			.contains("Test Org Borough Council");
		assertThat(this.organisations.get(council.id()).leads()).isEmpty();
	}

	@Test
	void anOrganisationThatDoesNotExistIsNotFound() {
		assertThatThrownBy(() -> this.organisations.get(-1)).isInstanceOf(NotFoundException.class)
			.hasMessage("There is no organisation with the id -1");
	}

	private <T> T as(String username, java.util.function.Supplier<T> work) {
		return Acting.as(username, this.jdbc, work);
	}

	private static OrganisationDetails charity(String name, String number) {
		return new OrganisationDetails(name, OrganisationType.CHARITY, number, null, null, null, null, null, null,
				null);
	}

	private long count(String name) {
		return this.jdbc.queryForObject("select count(*) from organisation where name = ?", Long.class, name);
	}

	private long partnership(String code) {
		return this.jdbc.queryForObject("select id from partnership where code = ?", Long.class, code);
	}

}
