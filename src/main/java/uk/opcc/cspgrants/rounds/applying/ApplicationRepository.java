package uk.opcc.cspgrants.rounds.applying;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ApplicationRepository extends JpaRepository<Application, Long> {

	/** An applicant's own application, or none: another's is never found. */
	@Query("select a from Application a where a.id = :id and a.applicantUserId = :applicant")
	Optional<Application> findOwn(@Param("id") long id, @Param("applicant") long applicant);

	/** An applicant's own application, locked until the transaction ends. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Application a where a.id = :id and a.applicantUserId = :applicant")
	Optional<Application> findOwnLocked(@Param("id") long id, @Param("applicant") long applicant);

	@Query("select a from Application a where a.applicantUserId = :applicant and a.startKey = :key")
	Optional<Application> findStarted(@Param("applicant") long applicant, @Param("key") UUID key);

	/** A round's applications that have been submitted, first submitted first. */
	@Query("select a from Application a where a.roundId = :round and a.submittedAt is not null order by a.number")
	List<Application> findSubmitted(@Param("round") long round);

	/** Who sent each of a round's submitted applications, without the rest of them. */
	@Query("select new uk.opcc.cspgrants.rounds.applying.ApplyingOrganisation(a.id, a.reference, "
			+ "a.organisationName, a.charityNumber, a.companyNumber, a.partnershipId) from Application a "
			+ "where a.roundId = :round and a.submittedAt is not null order by a.number")
	List<ApplyingOrganisation> findApplyingOrganisations(@Param("round") long round);

	@Query("select a from Application a where a.roundId = :round and lower(a.reference) = lower(:reference)")
	Optional<Application> findByReference(@Param("round") long round, @Param("reference") String reference);

	/**
	 * A round's submitted application by its reference, locked until the transaction
	 * ends.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Application a where a.roundId = :round and lower(a.reference) = lower(:reference)")
	Optional<Application> findByReferenceLocked(@Param("round") long round, @Param("reference") String reference);

	@Query("select count(a) from Application a where a.roundId = :round and a.submittedAt is null "
			+ "and a.status = uk.opcc.cspgrants.rounds.applying.ApplicationStatus.DRAFT")
	long countDrafts(@Param("round") long round);

	/** The username of an application's applicant, to tell them of it. */
	@Query(value = "select u.username from application a join app_user u on u.id = a.applicant_user_id "
			+ "where a.id = :id", nativeQuery = true)
	String usernameOf(@Param("id") long id);

	@Query("select a from Application a where a.applicantUserId = :applicant order by a.createdAt desc")
	List<Application> findAllOwn(@Param("applicant") long applicant);

}
