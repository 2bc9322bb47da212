package uk.opcc.cspgrants.commissioning;

import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** Stores award schedules with their lines and periods. */
interface AwardScheduleRepository extends JpaRepository<AwardSchedule, Long> {

	@Query("select s from AwardSchedule s where s.financialYear = ?1")
	Optional<AwardSchedule> findByYear(int financialYear);

	/**
	 * The schedule of a year, its row locked until the transaction ends: a second change
	 * waits for the first and then reads the version the first saved.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from AwardSchedule s where s.financialYear = ?1")
	Optional<AwardSchedule> lockByYear(int financialYear);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from AwardSchedule s where s.decisionReference = ?1")
	Optional<AwardSchedule> lockByDecision(String decisionReference);

}
