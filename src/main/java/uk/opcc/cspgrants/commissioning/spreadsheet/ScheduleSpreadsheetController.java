package uk.opcc.cspgrants.commissioning.spreadsheet;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.opcc.cspgrants.commissioning.AwardSchedules;
import uk.opcc.cspgrants.commissioning.FundingStreamView;
import uk.opcc.cspgrants.commissioning.FundingStreams;
import uk.opcc.cspgrants.commissioning.ScheduleView;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.Money;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.ValidationException;
import uk.opcc.cspgrants.shared.web.Downloads;
import uk.opcc.cspgrants.shared.web.Refusal;

/**
 * The schedule as a spreadsheet: upload a file in the seed's layout, check what each line
 * becomes and where the printed table does not add up, confirm (once); download the
 * year's schedule in the same layout as Excel or CSV.
 */
@Controller
@RequestMapping("/commissioning/{year}/schedule")
class ScheduleSpreadsheetController {

	/** More lines than any schedule has, so that the check page's lists bind. */
	private static final int MOST_LINES = 5000;

	private final ScheduleImports imports;

	private final AwardSchedules schedules;

	private final FundingStreams streams;

	ScheduleSpreadsheetController(ScheduleImports imports, AwardSchedules schedules, FundingStreams streams) {
		this.imports = imports;
		this.schedules = schedules;
		this.streams = streams;
	}

	@InitBinder("choices")
	void bindLongLists(WebDataBinder binder) {
		binder.setAutoGrowCollectionLimit(MOST_LINES);
	}

	@GetMapping("/import")
	String importPage(@PathVariable String year, Model model) {
		return importPage(FinancialYear.parse(year), model);
	}

	@PostMapping("/import")
	String upload(@PathVariable String year, @RequestParam(required = false) MultipartFile file,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response) {
		FinancialYear financialYear = FinancialYear.parse(year);
		try {
			if (file == null
					|| file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
				throw new ValidationException("file", "Choose the schedule's spreadsheet (.xlsx or .csv)");
			}
			long id = this.imports.upload(financialYear, file.getOriginalFilename(), file.getBytes(), user);
			return "redirect:/commissioning/" + financialYear + "/schedule/import/" + id;
		}
		catch (IOException unreadable) {
			Refusal.show(new ValidationException("file", "The file could not be read: choose it again"), model,
					response);
			return importPage(financialYear, model);
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			return importPage(financialYear, model);
		}
	}

	@GetMapping("/import/{id}")
	String checkPage(@PathVariable String year, @PathVariable long id, Model model) {
		ScheduleImports.ImportCheck check = this.imports.check(FinancialYear.parse(year), id);
		return checkPage(check, ImportChoices.defaults(check.reading()), model);
	}

	@PostMapping("/import/{id}")
	String confirm(@PathVariable String year, @PathVariable long id, @ModelAttribute("choices") ImportChoices choices,
			@AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		FinancialYear financialYear = FinancialYear.parse(year);
		try {
			ScheduleView schedule = this.imports.confirm(financialYear, id, choices, user);
			redirect.addFlashAttribute("success",
					schedule.lines().size() + " lines were imported into the " + financialYear + " schedule");
			return "redirect:/commissioning/" + financialYear + "/schedule";
		}
		catch (RuntimeException refused) {
			Refusal.show(refused, model, response);
			return checkPage(this.imports.check(financialYear, id), choices, model);
		}
	}

	@GetMapping("/export.xlsx")
	ResponseEntity<byte[]> exportXlsx(@PathVariable String year) {
		FinancialYear financialYear = FinancialYear.parse(year);
		return Downloads.attachment(ScheduleSheetWriter.xlsx(schedule(financialYear), streamsTotal(financialYear)),
				Downloads.XLSX, "award-schedule-" + financialYear + ".xlsx");
	}

	@GetMapping("/export.csv")
	ResponseEntity<byte[]> exportCsv(@PathVariable String year) {
		FinancialYear financialYear = FinancialYear.parse(year);
		return Downloads.attachment(ScheduleSheetWriter.csv(schedule(financialYear), streamsTotal(financialYear)),
				Downloads.CSV, "award-schedule-" + financialYear + ".csv");
	}

	private ScheduleView schedule(FinancialYear year) {
		return this.schedules.schedule(year)
			.orElseThrow(() -> new NotFoundException("The year " + year + " has no award schedule"));
	}

	private Money streamsTotal(FinancialYear year) {
		return this.streams.streams(year).stream().map(FundingStreamView::amount).reduce(Money.ZERO, Money::plus);
	}

	private String importPage(FinancialYear year, Model model) {
		model.addAttribute("year", year);
		model.addAttribute("schedule", this.schedules.schedule(year).orElse(null));
		model.addAttribute("headings", SheetReader.headings(year));
		return "commissioning/spreadsheet/import";
	}

	private static String checkPage(ScheduleImports.ImportCheck check, ImportChoices choices, Model model) {
		model.addAttribute("year", check.upload().year());
		model.addAttribute("check", check);
		model.addAttribute("choices", choices);
		return "commissioning/spreadsheet/check";
	}

}
