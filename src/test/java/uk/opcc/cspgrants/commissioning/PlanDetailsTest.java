package uk.opcc.cspgrants.commissioning;

import java.util.List;

import org.junit.jupiter.api.Test;
import uk.opcc.cspgrants.shared.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The 2013 plan's themes as EXE 0025/13 links awards to them: its three priorities in
 * order, then "All themes" and "Discretionary". No Spring.
 */
class PlanDetailsTest {

	@Test
	void thePrioritiesComeInTheirOrderThenAllThemesAndDiscretionary() {
		PlanDetails plan = new PlanDetails(" Police and Crime Plan 2013-17 ", null,
				"Reoffending and Offending\r\n\n  Making our Communities and Neighbourhoods Safer \nProtecting the Vulnerable\n",
				true, true);
		plan.check();
		assertThat(plan.name()).isEqualTo("Police and Crime Plan 2013-17");
		assertThat(plan.themes()).containsExactly(
				new PlanDetails.NewTheme("Reoffending and Offending", ThemeKind.THEME),
				new PlanDetails.NewTheme("Making our Communities and Neighbourhoods Safer", ThemeKind.THEME),
				new PlanDetails.NewTheme("Protecting the Vulnerable", ThemeKind.THEME),
				new PlanDetails.NewTheme("All themes", ThemeKind.ALL),
				new PlanDetails.NewTheme("Discretionary", ThemeKind.DISCRETIONARY));
	}

	@Test
	void aThemeTwiceWhateverTheCaseIsRefused() {
		assertThatThrownBy(() -> new PlanDetails("Plan", null, "Protecting the Vulnerable\nprotecting the vulnerable",
				false, false)
			.check())
			.isInstanceOfSatisfying(ValidationException.class, refused -> assertThat(refused.fieldErrors())
				.containsEntry("priorities", "The plan has the theme \"protecting the vulnerable\" twice: remove one"));
		assertThatThrownBy(() -> new PlanDetails("Plan", null, "All themes", true, false).check())
			.hasMessageContaining("untick it");
	}

	@Test
	void aPlanNeedsANameAndAtLeastOnePriority() {
		assertThatThrownBy(() -> new PlanDetails("", null, "\n", true, true).check()).isInstanceOfSatisfying(
				ValidationException.class,
				refused -> assertThat(refused.fieldErrors().keySet()).containsExactly("name", "priorities"));
	}

	@Test
	void aNewThemeNameMustDifferFromTheOthers() {
		assertThat(PlanDetails.themeName("  Hate crime ", List.of("Protecting the Vulnerable")))
			.isEqualTo("Hate crime");
		assertThatThrownBy(
				() -> PlanDetails.themeName("PROTECTING the vulnerable", List.of("Protecting the Vulnerable")))
			.hasMessage("The plan already has the theme Protecting the Vulnerable");
		assertThatThrownBy(() -> PlanDetails.themeName(" ", List.of())).hasMessage("Enter the theme's name");
	}

}
