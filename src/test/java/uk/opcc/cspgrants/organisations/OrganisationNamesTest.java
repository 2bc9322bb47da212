package uk.opcc.cspgrants.organisations;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spellings of one organisation that the 2013-14 schedule (EXE 0025/13) itself uses,
 * recognised as one; different organisations kept apart.
 */
class OrganisationNamesTest {

	@Test
	void spellingsOfTheSameOrganisationInTheSeedShareAKey() {
		assertThat(OrganisationNames.key("Contact Project (The)")).isEqualTo("contact project")
			.isEqualTo(OrganisationNames.key("The Contact Project"));
		assertThat(OrganisationNames.key("Friends of Holly Hayes Wood Ltd"))
			.isEqualTo(OrganisationNames.key("Friends of Holly Hayes Wood"));
		assertThat(OrganisationNames.key("Leicester Nirvana C.I.C")).isEqualTo("leicester nirvana cic")
			.isEqualTo(OrganisationNames.key("Leicester Nirvana CIC"));
		assertThat(OrganisationNames.key("Warning Zone Ltd")).isEqualTo(OrganisationNames.key("WARNING ZONE LIMITED"));
		assertThat(OrganisationNames.key("Hinckley & Bosworth")).isEqualTo("hinckley and bosworth")
			.isEqualTo(OrganisationNames.key("Hinckley and Bosworth"));
		assertThat(OrganisationNames.key("Women's Aid Leicestershire Ltd"))
			.isEqualTo(OrganisationNames.key("Womens Aid Leicestershire"));
		assertThat(OrganisationNames.key("  Leicester   city  ")).isEqualTo("leicester city");
	}

	@Test
	void differentOrganisationsKeepDifferentKeys() {
		assertThat(OrganisationNames.key("Leicester City Council"))
			.isNotEqualTo(OrganisationNames.key("Leicestershire County Council"));
		assertThat(OrganisationNames.key("Living Without Abuse"))
			.isNotEqualTo(OrganisationNames.key("Women's Aid Leicestershire Ltd"));
		assertThat(OrganisationNames.key("Theatre Company")).as("only a whole leading word The goes")
			.isEqualTo("theatre company");
		assertThat(OrganisationNames.key("Ltd Ventures")).as("only a closing Ltd goes").isEqualTo("ltd ventures");
	}

	@Test
	void aSlugIsTheKeyWithHyphens() {
		assertThat(OrganisationNames.slug("St Philips Centre (Multi-Faith Consultant)"))
			.isEqualTo("st-philips-centre-multi-faith-consultant");
		assertThat(OrganisationNames.slug("2Funky Arts")).isEqualTo("2funky-arts");
		assertThat(OrganisationNames.slug("!!!")).isEqualTo("organisation");
	}

}
