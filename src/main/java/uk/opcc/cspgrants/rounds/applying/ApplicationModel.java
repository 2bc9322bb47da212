package uk.opcc.cspgrants.rounds.applying;

import org.springframework.ui.Model;
import uk.opcc.cspgrants.rounds.RoundView;

/**
 * What every page showing an application needs of it, whoever reads it: the application,
 * its round and the name of its theme.
 */
public final class ApplicationModel {

	private ApplicationModel() {
	}

	public static void put(Model model, RoundView round, ApplicationView application) {
		model.addAttribute("grantApplication", application);
		model.addAttribute("round", round);
		model.addAttribute("themeName", round.themeName(application.themeId()));
	}

}
