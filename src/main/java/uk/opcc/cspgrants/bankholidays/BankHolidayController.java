package uk.opcc.cspgrants.bankholidays;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.ValidationException;
import uk.opcc.cspgrants.shared.calendar.BankHolidayFile;
import uk.opcc.cspgrants.shared.calendar.BankHolidayFile.Event;
import uk.opcc.cspgrants.shared.calendar.BankHolidays;
import uk.opcc.cspgrants.shared.web.Refusal;

/**
 * The administrator's page of bank holidays, and uploading a newer file: upload, check
 * what it changes, confirm.
 */
@Controller
@RequestMapping("/admin/bank-holidays")
class BankHolidayController {

	/** How many coming bank holidays the page lists. */
	private static final int COMING = 10;

	private final BankHolidays bankHolidays;

	private final BankHolidayUploads uploads;

	private final Clock clock;

	BankHolidayController(BankHolidays bankHolidays, BankHolidayUploads uploads, Clock clock) {
		this.bankHolidays = bankHolidays;
		this.uploads = uploads;
		this.clock = clock;
	}

	@GetMapping
	String page(Model model) {
		BankHolidays.InForce inForce = this.bankHolidays.inForce();
		List<Event> events = inForce.file().events(this.bankHolidays.division());
		LocalDate today = LocalDate.now(this.clock.withZone(Dates.UK));
		LocalDate last = events.get(events.size() - 1).date();
		model.addAttribute("division", BankHolidayFile.DIVISION_NAMES.get(this.bankHolidays.division()));
		model.addAttribute("coming",
				rows(events.stream().filter(event -> !event.date().isBefore(today)).limit(COMING).toList()));
		model.addAttribute("upload", inForce.upload().orElse(null));
		model.addAttribute("last", last);
		model.addAttribute("runningOut", last.isBefore(today.plusYears(1)));
		return "admin/bank-holidays";
	}

	@PostMapping
	String upload(@RequestParam(name = "file", required = false) MultipartFile file,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response) throws IOException {
		try {
			if (file == null || (file.isEmpty() && !StringUtils.hasText(file.getOriginalFilename()))) {
				throw new ValidationException(BankHolidayUploads.FIELD, "Select a bank holidays file");
			}
			long id = this.uploads.upload(file.getOriginalFilename(), file.getBytes(), user);
			return "redirect:/admin/bank-holidays/check/" + id;
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			return page(model);
		}
	}

	@GetMapping("/check/{id}")
	String check(@PathVariable long id, Model model) {
		return checkPage(this.uploads.check(id), model);
	}

	@PostMapping("/check/{id}")
	String confirm(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			BankHolidayUploads.Check done = this.uploads.confirm(id, user);
			redirect.addFlashAttribute("success", "The bank holidays of " + done.fileName() + " are in force: "
					+ count(done.added().size(), "added") + ", " + count(done.removed().size(), "removed"));
			return "redirect:/admin/bank-holidays";
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			return page(model);
		}
	}

	private String checkPage(BankHolidayUploads.Check check, Model model) {
		model.addAttribute("check", check);
		model.addAttribute("added", rows(check.added()));
		model.addAttribute("removed", rows(check.removed()));
		model.addAttribute("division", BankHolidayFile.DIVISION_NAMES.get(this.bankHolidays.division()));
		return "admin/bank-holidays-check";
	}

	/**
	 * A bank holiday in a table: "Monday 28 December 2026", "Boxing Day (substitute
	 * day)".
	 */
	record Row(String day, String name) {
	}

	private static List<Row> rows(List<Event> events) {
		return events.stream()
			.map(event -> new Row(
					event.date().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.UK) + " "
							+ Dates.day(event.date()),
					event.notes().isEmpty() ? event.title()
							: event.title() + " (" + event.notes().toLowerCase(Locale.UK) + ")"))
			.toList();
	}

	private static String count(int dates, String what) {
		return dates + ((dates == 1) ? " date " : " dates ") + what;
	}

}
