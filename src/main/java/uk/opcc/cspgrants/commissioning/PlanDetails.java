package uk.opcc.cspgrants.commissioning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import uk.opcc.cspgrants.shared.ValidationException;

/**
 * A new Police and Crime Plan as an officer enters it: its name, the day it was
 * published, its priorities (one a line, in the plan's order) and whether awards may also
 * link to "All themes" and to "Discretionary".
 *
 * @param name the plan's name ("Police and Crime Plan 2013-17")
 * @param publishedOn the day it was published, if known
 * @param priorities the plan's themes, one a line
 * @param allThemes whether to add "All themes"
 * @param discretionary whether to add "Discretionary"
 */
public record PlanDetails(String name, LocalDate publishedOn, String priorities, boolean allThemes,
		boolean discretionary) {

	static final String ALL_THEMES = "All themes";

	static final String DISCRETIONARY = "Discretionary";

	public PlanDetails {
		name = (name == null) ? "" : name.strip();
		priorities = (priorities == null) ? "" : priorities;
	}

	/** A theme to be, in its plan's order. */
	record NewTheme(String name, ThemeKind kind) {
	}

	/**
	 * The themes in the plan's order: the priorities as typed (blank lines ignored), then
	 * "All themes" and "Discretionary" when chosen.
	 */
	List<NewTheme> themes() {
		List<NewTheme> themes = new ArrayList<>();
		for (String line : this.priorities.split("\\R")) {
			if (!line.isBlank()) {
				themes.add(new NewTheme(line.strip(), ThemeKind.THEME));
			}
		}
		if (this.allThemes) {
			themes.add(new NewTheme(ALL_THEMES, ThemeKind.ALL));
		}
		if (this.discretionary) {
			themes.add(new NewTheme(DISCRETIONARY, ThemeKind.DISCRETIONARY));
		}
		return themes;
	}

	/** Refuses, field by field, what cannot be a plan. */
	void check() {
		Map<String, String> errors = new LinkedHashMap<>();
		if (this.name.isEmpty()) {
			errors.put("name", "Enter the plan's name");
		}
		else if (this.name.length() > 200) {
			errors.put("name", "The name must be 200 characters or fewer");
		}
		List<NewTheme> themes = themes();
		Set<String> seen = new HashSet<>();
		for (NewTheme theme : themes) {
			if (theme.name().length() > 200) {
				errors.putIfAbsent("priorities", "Each theme must be 200 characters or fewer: \""
						+ theme.name().substring(0, 40) + "…\" is longer");
			}
			else if (!seen.add(theme.name().toLowerCase(Locale.UK))) {
				errors.putIfAbsent("priorities", "The plan has the theme \"" + theme.name() + "\" twice"
						+ (theme.kind() != ThemeKind.THEME ? ": untick it or remove the line" : ": remove one"));
			}
		}
		if (themes.stream().noneMatch(theme -> theme.kind() == ThemeKind.THEME)) {
			errors.putIfAbsent("priorities", "Enter the plan's themes, one a line");
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
	}

	/** Refuses a theme's name that is blank, too long or already the plan's. */
	static String themeName(String name, List<String> others) {
		String stripped = (name == null) ? "" : name.strip();
		if (stripped.isEmpty()) {
			throw new ValidationException("themeName", "Enter the theme's name");
		}
		if (stripped.length() > 200) {
			throw new ValidationException("themeName", "The theme's name must be 200 characters or fewer");
		}
		for (String other : others) {
			if (other.equalsIgnoreCase(stripped)) {
				throw new ValidationException("themeName", "The plan already has the theme " + other);
			}
		}
		return stripped;
	}

}
