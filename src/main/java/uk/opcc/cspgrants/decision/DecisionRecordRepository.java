package uk.opcc.cspgrants.decision;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Stores decision records with their sign-offs. */
interface DecisionRecordRepository extends JpaRepository<DecisionRecord, Long> {

	@Query("select d from DecisionRecord d where upper(d.reference) = upper(?1)")
	Optional<DecisionRecord> findByReference(String reference);

	/** Every record, newest first: one query for the lists. */
	@Query("select d from DecisionRecord d order by d.decisionDate desc, d.id desc")
	List<DecisionRecord> newestFirst();

	/**
	 * The reference of the record, not yet decided, that an attachment is attached to
	 * (one at most).
	 */
	@Query("select d.reference from DecisionRecord d where d.attachmentType = ?1 and d.attachmentRef = ?2 "
			+ "and d.status <> uk.opcc.cspgrants.decision.DecisionStatus.DECIDED")
	Optional<String> openRecordWith(String attachmentType, String attachmentRef);

	@Query("select coalesce(max(d.sequence), 0) + 1 from DecisionRecord d where d.referenceYear = ?1")
	int nextSequence(int referenceYear);

}
