package uk.opcc.cspgrants.rounds.applying;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A supporting document of an application: what it is and the facts of its file, never
 * its bytes (kept apart, read only to download it). It never changes.
 */
@Entity
@Table(name = "application_document")
class ApplicationDocument {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private DocumentKind kind;

	@Column(name = "file_name", nullable = false, updatable = false)
	private String fileName;

	@Column(name = "content_type", nullable = false, updatable = false)
	private String contentType;

	@Column(name = "size_bytes", nullable = false, updatable = false)
	private int sizeBytes;

	@Column(nullable = false, updatable = false)
	private String sha256;

	@Column(name = "uploaded_by", nullable = false, updatable = false)
	private String uploadedBy;

	@Column(name = "uploaded_at", nullable = false, updatable = false)
	private Instant uploadedAt;

	protected ApplicationDocument() {
	}

	ApplicationDocument(DocumentKind kind, CheckedDocument file, String by, Instant now) {
		this.kind = kind;
		this.fileName = file.fileName();
		this.contentType = file.type().contentType();
		this.sizeBytes = file.size();
		this.sha256 = file.sha256();
		this.uploadedBy = by;
		this.uploadedAt = now;
	}

	Long getId() {
		return this.id;
	}

	DocumentKind getKind() {
		return this.kind;
	}

	String getSha256() {
		return this.sha256;
	}

	DocumentView view() {
		return new DocumentView(this.id, this.kind, this.fileName, DocumentType.ofContentType(this.contentType),
				this.sizeBytes, this.uploadedAt);
	}

}
