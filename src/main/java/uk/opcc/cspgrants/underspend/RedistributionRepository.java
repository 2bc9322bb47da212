package uk.opcc.cspgrants.underspend;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Stores redistribution proposals with their top-slices. */
interface RedistributionRepository extends JpaRepository<Redistribution, Long> {

	@Query("select r from Redistribution r order by r.id desc")
	List<Redistribution> newestFirst();

	@Query("select r from Redistribution r where r.runId = ?1")
	List<Redistribution> findByRun(long runId);

}
