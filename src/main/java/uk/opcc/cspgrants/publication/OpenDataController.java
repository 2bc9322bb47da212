package uk.opcc.cspgrants.publication;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.opcc.cspgrants.shared.web.SpreadsheetText;

/** Open data for anyone: the published grants as 360Giving JSON and CSV. */
@RestController
class OpenDataController {

	private final OpenData openData;

	private final OpenDataProperties properties;

	OpenDataController(OpenData openData, OpenDataProperties properties) {
		this.openData = openData;
		this.properties = properties;
	}

	@GetMapping("/public/open-data/360giving.json")
	Map<String, Object> json() {
		return this.openData.package360();
	}

	@GetMapping("/public/open-data/360giving.csv")
	ResponseEntity<String> csv() {
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
			.setHeader("Identifier", "Title", "Description", "Currency", "Amount Awarded", "Award Date",
					"Recipient Org:Identifier", "Recipient Org:Name", "Funding Org:Identifier", "Funding Org:Name",
					"Planned Dates:Start Date", "Planned Dates:End Date", "Grant Programme:Title",
					"Beneficiary Location:Name", "Beneficiary Location:Geographic Code",
					"Beneficiary Location:Geographic Code Type", "Last Modified", "Grant Programme:Code",
					"Classifications:Vocabulary", "Classifications:Title")
			.get())) {
			for (OpenData.Grant grant : this.openData.grants()) {
				csv.printRecord(SpreadsheetText.safe(grant.id()), SpreadsheetText.safe(grant.title()),
						SpreadsheetText.safe(grant.description()), "GBP", grant.amountAwarded().toPlainString(),
						grant.awardDate(), SpreadsheetText.safe(grant.recipientId()),
						SpreadsheetText.safe(grant.recipientName()), SpreadsheetText.safe(this.properties.funderId()),
						SpreadsheetText.safe(this.properties.funderName()), grant.startDate(), grant.endDate(),
						SpreadsheetText.safe(grant.programmeTitle()), SpreadsheetText.safe(grant.locationName()),
						SpreadsheetText.safe(grant.geoCode()), (grant.geoCode() != null) ? "LA" : "",
						grant.dateModified(), SpreadsheetText.safe(grant.programmeCode()),
						(grant.themeTitle() != null) ? OpenData.THEME_VOCABULARY : "",
						SpreadsheetText.safe(grant.themeTitle()));
			}
		}
		catch (IOException impossible) {
			throw new UncheckedIOException(impossible);
		}
		return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8")).body(out.toString());
	}

}
