package uk.opcc.cspgrants.allocation;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Stores what changes of a formula run: its status and who moved it. */
interface FormulaRunRepository extends JpaRepository<FormulaRun, Long> {

	@Query("select r from FormulaRun r where r.financialYear = ?1 and r.purpose = ?2 and r.status = uk.opcc.cspgrants.allocation.RunStatus.APPROVED")
	Optional<FormulaRun> findApproved(int financialYear, RunPurpose purpose);

}
