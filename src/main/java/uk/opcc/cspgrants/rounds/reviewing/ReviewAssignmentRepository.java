package uk.opcc.cspgrants.rounds.reviewing;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ReviewAssignmentRepository extends JpaRepository<ReviewAssignment, Long> {

	@Query("select a from ReviewAssignment a where a.roundId = :round order by a.applicationId, a.id")
	List<ReviewAssignment> findByRound(@Param("round") long round);

	/** A reviewer's own assignment, or none: another's is never found. */
	@Query("select a from ReviewAssignment a where a.id = :id and a.reviewerId = :reviewer")
	Optional<ReviewAssignment> findOwn(@Param("id") long id, @Param("reviewer") long reviewer);

	/** The round of a reviewer's own assignment, without loading it. */
	@Query("select a.roundId from ReviewAssignment a where a.id = :id and a.reviewerId = :reviewer")
	Optional<Long> roundOfOwn(@Param("id") long id, @Param("reviewer") long reviewer);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from ReviewAssignment a where a.id = :id and a.reviewerId = :reviewer")
	Optional<ReviewAssignment> findOwnLocked(@Param("id") long id, @Param("reviewer") long reviewer);

	/** A round's assignment, its row taken until the transaction ends. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from ReviewAssignment a where a.id = :id and a.roundId = :round")
	Optional<ReviewAssignment> findInRoundLocked(@Param("id") long id, @Param("round") long round);

	@Query("select a from ReviewAssignment a where a.reviewerId = :reviewer order by a.assignedAt desc, a.id")
	List<ReviewAssignment> findAllOwn(@Param("reviewer") long reviewer);

	@Query("select a from ReviewAssignment a where a.applicationId = :application")
	List<ReviewAssignment> findByApplication(@Param("application") long application);

}
