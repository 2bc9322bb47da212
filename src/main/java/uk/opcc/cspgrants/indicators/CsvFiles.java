package uk.opcc.cspgrants.indicators;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Opens an uploaded CSV file: UTF-8, a byte order mark skipped, the first line as the
 * header.
 */
final class CsvFiles {

	private CsvFiles() {
	}

	static CSVParser open(UploadedFile file) throws IOException {
		return CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreEmptyLines(true)
			.get()
			.parse(new InputStreamReader(BOMInputStream.builder().setInputStream(file.open()).get(),
					StandardCharsets.UTF_8));
	}

}
