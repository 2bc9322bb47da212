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

	@Query("select a from Application a where a.applicantUserId = :applicant order by a.createdAt desc")
	List<Application> findAllOwn(@Param("applicant") long applicant);

}
