package uk.opcc.cspgrants.rounds.applying;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.opcc.cspgrants.shared.ValidationException;
import uk.opcc.cspgrants.shared.web.DateParts;

/**
 * The "Your project" page as typed: its title, a summary, the round's theme it serves and
 * when it starts and ends.
 */
record ProjectForm(String title, String summary, String themeId, DateParts starts, DateParts ends, Long version) {

	ProjectForm {
		starts = (starts != null) ? starts : DateParts.empty();
		ends = (ends != null) ? ends : DateParts.empty();
	}

	static ProjectForm of(ApplicationView application) {
		return new ProjectForm((application.projectTitle() != null) ? application.projectTitle() : "",
				(application.projectSummary() != null) ? application.projectSummary() : "",
				(application.themeId() != null) ? application.themeId().toString() : "",
				DateParts.of(application.startsOn()), DateParts.of(application.endsOn()), application.version());
	}

	ProjectForm withVersion(long now) {
		return new ProjectForm(this.title, this.summary, this.themeId, this.starts, this.ends, now);
	}

	/** The answers typed, the theme one of {@code themeIds} (the round's). */
	Answers.Project answers(List<Long> themeIds) {
		Map<String, String> errors = new LinkedHashMap<>();
		String typedTitle = Text.required(this.title, "title", "Enter the project's title", 200, errors);
		String typedSummary = Text.required(this.summary, "summary", "Say what the project will do, for whom and where",
				5000, errors);
		Long theme = null;
		try {
			theme = Long.valueOf((this.themeId != null) ? this.themeId.strip() : "");
		}
		catch (NumberFormatException none) {
			// refused below
		}
		if (theme == null || !themeIds.contains(theme)) {
			errors.put("themeId", "Select the theme of the Police and Crime Plan the project serves");
			theme = null;
		}
		LocalDate startsOn = Text.field(() -> this.starts.toDate("starts", "the date the project starts"), errors);
		LocalDate endsOn = Text.field(() -> this.ends.toDate("ends", "the date the project ends"), errors);
		if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
			errors.put("ends", "The date the project ends must be the same as or after the date it starts");
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		return new Answers.Project(typedTitle, typedSummary, theme, startsOn, endsOn);
	}

}
