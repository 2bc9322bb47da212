package uk.opcc.cspgrants.partnership;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PartnershipGroupRepository extends JpaRepository<PartnershipGroup, Long> {

	@Query("select g from PartnershipGroup g where lower(g.name) = lower(?1)")
	Optional<PartnershipGroup> findByName(String name);

}
