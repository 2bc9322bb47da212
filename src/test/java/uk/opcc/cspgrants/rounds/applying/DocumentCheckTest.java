package uk.opcc.cspgrants.rounds.applying;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import uk.opcc.cspgrants.shared.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The checks on an uploaded file, on real files made here by Apache POI, the JDK's image
 * writers and its zip writer (so that what is accepted is what those programs write), and
 * on forged ones: a program, a web page or a plain zip named as a document, and one type
 * named as another.
 */
class DocumentCheckTest {

	@Test
	void filesMadeByOfficeProgramsAndImageWritersAreKnownByTheirBytes() throws IOException {
		assertThat(type("constitution.docx", docx())).isEqualTo(DocumentType.DOCX);
		assertThat(type("accounts.xlsx", xlsx())).isEqualTo(DocumentType.XLSX);
		assertThat(type("accounts.xls", xls())).isEqualTo(DocumentType.XLS);
		assertThat(type("rules.odt", openDocument("application/vnd.oasis.opendocument.text")))
			.isEqualTo(DocumentType.ODT);
		assertThat(type("budget.ods", openDocument("application/vnd.oasis.opendocument.spreadsheet")))
			.isEqualTo(DocumentType.ODS);
		assertThat(type("scan.png", image("png"))).isEqualTo(DocumentType.PNG);
		assertThat(type("scan.JPEG", image("jpeg"))).isEqualTo(DocumentType.JPEG);
		assertThat(type("policy.pdf", "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)))
			.isEqualTo(DocumentType.PDF);
	}

	@Test
	void aProgramAWebPageOrAPlainZipNamedAsADocumentIsRefused() throws IOException {
		byte[] program = new byte[512];
		program[0] = 'M';
		program[1] = 'Z';
		refused("accounts.pdf", program,
				"The selected file must be a PDF, Word, Excel, OpenDocument, PNG or JPEG file");
		refused("policy.pdf", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
				"The selected file must be a PDF, Word, Excel, OpenDocument, PNG or JPEG file");
		refused("constitution.docx", zip("payload.exe", "MZ"),
				"The selected file must be a PDF, Word, Excel, OpenDocument, PNG or JPEG file");
		// an old Office file that says it is something else is not taken on its word
		refused("accounts.pdf", xls(), "The selected file must be a PDF, Word, Excel, OpenDocument, PNG or JPEG file");
	}

	@Test
	void oneTypeNamedAsAnotherIsRefusedSayingWhatToRenameItTo() throws IOException {
		refused("constitution.docx", "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII),
				"The selected file is a PDF file but its name ends .docx: rename it to end .pdf and upload it again");
		refused("accounts.png", xlsx(),
				"The selected file is an Excel file but its name ends .png: rename it to end .xlsx and upload it again");
	}

	@Test
	void nothingChosenAnEmptyFileAndAFileOver10MiBAreRefusedAnd10MiBIsKept() {
		refused("", new byte[0], "Select a file");
		refused(null, null, "Select a file");
		refused("policy.pdf", new byte[0], "The selected file is empty");
		byte[] tenMiB = Arrays.copyOf("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 10 * 1024 * 1024);
		assertThat(DocumentCheck.check("policy.pdf", tenMiB).size()).isEqualTo(10_485_760);
		refused("policy.pdf", Arrays.copyOf(tenMiB, 10 * 1024 * 1024 + 1),
				"The selected file must be smaller than 10MB");
	}

	@Test
	void aNameLosesItsFolderAndControlCharactersIsShortenedKeepingItsEndingAndGainsOneIfItHasNone() {
		byte[] pdf = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
		assertThat(DocumentCheck.check("C:\\fakepath\\our\u0007 accounts.pdf", pdf).fileName())
			.isEqualTo("our accounts.pdf");
		assertThat(DocumentCheck.check("../../etc/constitution.pdf", pdf).fileName()).isEqualTo("constitution.pdf");
		assertThat(DocumentCheck.check("constitution", pdf).fileName()).isEqualTo("constitution.pdf");
		String longName = DocumentCheck.check("a".repeat(300) + ".pdf", pdf).fileName();
		assertThat(longName).hasSize(200).endsWith("aaa.pdf");
	}

	@Test
	void theSha256IsTheStandardOne() {
		// FIPS 180-2, appendix B.1
		assertThat(DocumentCheck.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	private static DocumentType type(String name, byte[] content) {
		return DocumentCheck.check(name, content).type();
	}

	private static void refused(String name, byte[] content, String message) {
		assertThatThrownBy(() -> DocumentCheck.check(name, content)).isInstanceOf(ValidationException.class)
			.extracting(refusal -> ((ValidationException) refusal).fieldErrors().get("file"))
			.isEqualTo(message);
	}

	private static byte[] docx() throws IOException {
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.createParagraph().createRun().setText("Constitution of the Westcotes Street Pastors");
			document.write(out);
			return out.toByteArray();
		}
	}

	private static byte[] xlsx() throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			book.createSheet("Accounts").createRow(0).createCell(0).setCellValue("Income");
			book.write(out);
			return out.toByteArray();
		}
	}

	private static byte[] xls() throws IOException {
		try (HSSFWorkbook book = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			book.createSheet("Accounts").createRow(0).createCell(0).setCellValue("Income");
			book.write(out);
			return out.toByteArray();
		}
	}

	/** An OpenDocument file as the specification has it: "mimetype" first, stored. */
	private static byte[] openDocument(String mimetype) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			byte[] type = mimetype.getBytes(StandardCharsets.US_ASCII);
			ZipEntry first = new ZipEntry("mimetype");
			first.setMethod(ZipEntry.STORED);
			first.setSize(type.length);
			CRC32 crc = new CRC32();
			crc.update(type);
			first.setCrc(crc.getValue());
			zip.putNextEntry(first);
			zip.write(type);
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry("content.xml"));
			zip.write("<office:document-content/>".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return out.toByteArray();
	}

	private static byte[] zip(String name, String content) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry(name));
			zip.write(content.getBytes(StandardCharsets.US_ASCII));
			zip.closeEntry();
		}
		return out.toByteArray();
	}

	private static byte[] image(String format) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), format, out);
		return out.toByteArray();
	}

}
