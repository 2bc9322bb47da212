package uk.opcc.cspgrants.partnership;

import java.util.List;

import org.junit.jupiter.api.Test;
import uk.opcc.cspgrants.shared.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which partnerships a run covers, without Spring. */
class PartnershipSetTest {

	private static final PartnershipView LEICESTER = partnership(1, "LEI", "Leicester", true);

	private static final PartnershipView CHARNWOOD = partnership(2, "CHA", "Charnwood", true);

	private static final PartnershipView MELTON = partnership(3, "MEL", "Melton", true);

	private static final PartnershipView CLOSED = partnership(4, "CLO", "Closed", false);

	private static final List<PartnershipView> ALL = List.of(CHARNWOOD, CLOSED, LEICESTER, MELTON);

	@Test
	void byDefaultEveryActivePartnershipWithTheirNumber() {
		PartnershipSet set = PartnershipSet.allActive(ALL);
		assertThat(set.groupId()).isNull();
		assertThat(set.label()).isEqualTo("All active partnerships (3)");
		assertThat(set.partnerships()).containsExactly(CHARNWOOD, LEICESTER, MELTON);
	}

	@Test
	void aGroupCoversItsActiveMembersOnly() {
		PartnershipSet set = PartnershipSet.of(group(true, CHARNWOOD, MELTON, CLOSED), ALL);
		assertThat(set.groupId()).isEqualTo(7L);
		assertThat(set.label()).isEqualTo("Districts (2)");
		assertThat(set.partnerships()).containsExactly(CHARNWOOD, MELTON);
	}

	@Test
	void aGroupWhosePartnershipsAreAllArchivedIsRefusedOnTheChoice() {
		assertThatThrownBy(() -> PartnershipSet.of(group(true, CLOSED), ALL)).isInstanceOfSatisfying(
				ValidationException.class,
				refused -> assertThat(refused.fieldErrors()).containsOnlyKeys("partnershipGroupId")
					.containsValue(
							"None of the partnerships in Districts is active: change the group, or choose another"));
	}

	@Test
	void anArchivedGroupIsRefusedOnTheChoice() {
		assertThatThrownBy(() -> PartnershipSet.of(group(false, CHARNWOOD), ALL))
			.isInstanceOfSatisfying(ValidationException.class, refused -> assertThat(refused.fieldErrors())
				.containsValue("The group Districts is archived: choose another group, or all active partnerships"));
	}

	@Test
	void noActivePartnershipAtAllIsRefused() {
		assertThatThrownBy(() -> PartnershipSet.allActive(List.of(CLOSED))).isInstanceOf(ValidationException.class)
			.hasMessageContaining("no active partnerships");
	}

	@Test
	void aGroupSaysWhenSomeOrAllOfItsPartnershipsAreArchived() {
		PartnershipGroupView group = group(true, CHARNWOOD, CLOSED);
		assertThat(group.archivedMembers()).extracting(PartnershipGroupView.Member::code).containsExactly("CLO");
		assertThat(group.noneActive()).isFalse();
		assertThat(group.label()).isEqualTo("Districts (1)");
		assertThat(group(true, CLOSED).noneActive()).isTrue();
	}

	private static PartnershipGroupView group(boolean active, PartnershipView... members) {
		return new PartnershipGroupView(7, "Districts", null, active, 0,
				List.of(members)
					.stream()
					.map(p -> new PartnershipGroupView.Member(p.id(), p.code(), p.name(), p.active()))
					.toList());
	}

	private static PartnershipView partnership(long id, String code, String name, boolean active) {
		return new PartnershipView(id, code, name, null, name + " Council", active, 0, List.of());
	}

}
