package uk.opcc.cspgrants.rounds.applying;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.DatabaseRefusal;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * The supporting documents of an application: uploaded by its applicant while it is a
 * draft (checked first by {@link DocumentCheck}; the same file once, whatever the tabs or
 * presses, by the database's {@code application_document_once} behind the application's
 * row lock), removed while a draft, and downloaded by the applicant and, once submitted,
 * by officers. Every upload and removal is audited and moves the application's version,
 * so that answers checked before it are checked again.
 */
@Service
@Transactional
public class ApplicationDocuments {

	private final ApplicationRepository repository;

	private final AuditTrail auditTrail;

	private final JdbcClient jdbc;

	private final Clock clock;

	ApplicationDocuments(ApplicationRepository repository, AuditTrail auditTrail, JdbcClient jdbc, Clock clock) {
		this.repository = repository;
		this.auditTrail = auditTrail;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Uploads a file as a document of a kind to an applicant's own draft; refused on the
	 * kind and file fields, or as a conflict when that file is attached already.
	 */
	public DocumentView attach(long id, DocumentKind kind, String fileName, byte[] content, CurrentUser applicant) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (kind == null) {
			errors.put("kind", "Select what the document is");
		}
		CheckedDocument file = null;
		try {
			file = DocumentCheck.check(fileName, content);
		}
		catch (ValidationException refused) {
			errors.putAll(refused.fieldErrors());
		}
		if (!errors.isEmpty()) {
			throw new ValidationException(errors);
		}
		Application application = this.repository.findOwnLocked(id, applicant.id())
			.orElseThrow(ApplicationDocuments::notFound);
		application.attach(kind, file, applicant.getUsername(), now());
		// saving merges the new document into a managed copy: the copy has the id
		Application saved = DatabaseRefusal.orConflict(() -> this.repository.saveAndFlush(application),
				Map.of("application_document_once", "This file is already attached to your application",
						"application_document_only_in_draft",
						"This application is no longer a draft: its documents no longer change",
						"application_document_at_most_ten", "An application has at most ten documents"));
		ApplicationDocument document = saved.document(file.sha256());
		this.jdbc.sql("insert into application_document_content (document_id, content) values (?, ?)")
			.params(document.getId(), content)
			.update();
		DocumentView attached = document.view();
		this.auditTrail.record("ATTACH", ApplicationManagement.AUDIT_TYPE, id, null,
				Map.of("document", attached.kind().label(), "file", attached.fileName(), "size", attached.size()));
		return attached;
	}

	/**
	 * One of an applicant's own documents, for the page that asks whether to remove it.
	 */
	@Transactional(readOnly = true)
	public DocumentView one(long id, long documentId, CurrentUser applicant) {
		return own(id, applicant).documents()
			.stream()
			.filter(document -> document.id() == documentId)
			.findFirst()
			.orElseThrow(ApplicationDocuments::noDocument);
	}

	/** Removes a document from an applicant's own draft, once. */
	public DocumentView remove(long id, long documentId, CurrentUser applicant) {
		Application application = this.repository.findOwnLocked(id, applicant.id())
			.orElseThrow(ApplicationDocuments::notFound);
		DocumentView removed = application.remove(documentId, now());
		DatabaseRefusal.orConflict(() -> this.repository.saveAndFlush(application),
				Map.of("application_document_only_in_draft",
						"This application is no longer a draft: its documents no longer change"));
		this.auditTrail.record("REMOVE_DOCUMENT", ApplicationManagement.AUDIT_TYPE, id,
				Map.of("document", removed.kind().label(), "file", removed.fileName()), null);
		return removed;
	}

	/** A document of an applicant's own application, with its bytes. */
	@Transactional(readOnly = true)
	public DocumentFile download(long id, long documentId, CurrentUser applicant) {
		own(id, applicant);
		return file(id, documentId);
	}

	/** A document of a submitted application, with its bytes, for officers. */
	@Transactional(readOnly = true)
	public DocumentFile download(ApplicationView submitted, long documentId) {
		return file(submitted.id(), documentId);
	}

	private DocumentFile file(long applicationId, long documentId) {
		return this.jdbc
			.sql("select d.file_name, d.content_type, c.content from application_document d "
					+ "join application_document_content c on c.document_id = d.id "
					+ "where d.id = ? and d.application_id = ?")
			.params(documentId, applicationId)
			.query((row, n) -> new DocumentFile(row.getString("file_name"),
					DocumentType.ofContentType(row.getString("content_type")), row.getBytes("content")))
			.optional()
			.orElseThrow(ApplicationDocuments::noDocument);
	}

	private ApplicationView own(long id, CurrentUser applicant) {
		return this.repository.findOwn(id, applicant.id()).orElseThrow(ApplicationDocuments::notFound).view();
	}

	private Instant now() {
		return this.clock.instant();
	}

	private static NotFoundException notFound() {
		return new NotFoundException("There is no such application of yours");
	}

	private static NotFoundException noDocument() {
		return new NotFoundException("There is no such document");
	}

}
