package uk.opcc.cspgrants.commissioning.spreadsheet;

import java.util.ArrayList;
import java.util.List;

/**
 * The check page's form: the recipient's name and the theme of each line, in the lines'
 * order, and the stream of each section.
 */
public class ImportChoices {

	private List<String> recipients = new ArrayList<>();

	private List<Long> themes = new ArrayList<>();

	private List<Long> streams = new ArrayList<>();

	/**
	 * The version of the year's schedule when the check page was shown; none when it had
	 * no schedule.
	 */
	private Long scheduleVersion;

	public Long getScheduleVersion() {
		return this.scheduleVersion;
	}

	public void setScheduleVersion(Long scheduleVersion) {
		this.scheduleVersion = scheduleVersion;
	}

	public List<String> getRecipients() {
		return this.recipients;
	}

	public void setRecipients(List<String> recipients) {
		this.recipients = recipients;
	}

	public List<Long> getThemes() {
		return this.themes;
	}

	public void setThemes(List<Long> themes) {
		this.themes = themes;
	}

	public List<Long> getStreams() {
		return this.streams;
	}

	public void setStreams(List<Long> streams) {
		this.streams = streams;
	}

	/** The choices the check page starts with: what the import read. */
	public static ImportChoices defaults(ImportReading reading) {
		ImportChoices choices = new ImportChoices();
		for (ImportReading.ReadLine line : reading.lines()) {
			choices.recipients.add((line.organisationName() != null) ? line.organisationName() : line.recipientName());
			choices.themes.add(line.themeId());
		}
		for (ImportReading.SectionChoice section : reading.sections()) {
			choices.streams.add(section.defaultStreamId());
		}
		return choices;
	}

}
