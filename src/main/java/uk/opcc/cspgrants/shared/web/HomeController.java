package uk.opcc.cspgrants.shared.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.Role;

/**
 * The front door. Anyone not signed in gets the public start page (also at
 * {@code /public}, for everyone): what the OPCC publishes, and the way in for staff. A
 * signed-in user gets their home page: what waits for them, from every feature's
 * {@link WorkSource}, then everything they can do, from the same list as the navigation.
 */
@Controller
class HomeController {

	private final List<WorkSource> sources;

	private final ObjectProvider<PublishedYears> publishedYears;

	private final ObjectProvider<OpenRounds> openRounds;

	private final Clock clock;

	HomeController(List<WorkSource> sources, ObjectProvider<PublishedYears> publishedYears,
			ObjectProvider<OpenRounds> openRounds, Clock clock) {
		this.sources = sources;
		this.publishedYears = publishedYears;
		this.openRounds = openRounds;
		this.clock = clock;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal CurrentUser user, Model model) {
		if (user == null) {
			return publicStart(model);
		}
		if (user.isApplicant()) {
			// an applicant's home is the page for applying: nothing of the staff's home
			// is theirs
			return "redirect:/apply";
		}
		if (user.roles().isEmpty()) {
			// signed in through the organisation's provider before any role was mapped
			return "redirect:/account/no-role";
		}
		if (user.has(Role.REVIEWER)) {
			// a themed reviewer's home is their reviews
			return "redirect:/review";
		}
		LocalDate today = LocalDate.now(this.clock.withZone(Dates.UK));
		List<WorkItem> items = new ArrayList<>();
		for (WorkSource source : this.sources) {
			items.addAll(source.workFor(user, today));
		}
		items.sort(Comparator.comparingInt(WorkItem::order));
		Map<String, List<WorkItem>> sections = new LinkedHashMap<>();
		for (WorkItem item : items) {
			if (!item.waiting()) {
				sections.computeIfAbsent(item.section(), (section) -> new ArrayList<>()).add(item);
			}
		}
		model.addAttribute("waiting", items.stream().filter(WorkItem::waiting).toList());
		model.addAttribute("sections", sections);
		return "home";
	}

	/**
	 * The public start page for everyone, signed in or not: what {@code /} shows a
	 * visitor.
	 */
	@GetMapping("/public")
	String publicStart(Model model) {
		PublishedYears years = this.publishedYears.getIfAvailable();
		model.addAttribute("years", (years != null) ? years.publishedAllocationYears() : List.of());
		OpenRounds rounds = this.openRounds.getIfAvailable();
		model.addAttribute("openRounds", (rounds != null) ? rounds.open() : List.of());
		return "public/start";
	}

}
