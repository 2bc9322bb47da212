package uk.opcc.cspgrants.rounds.applying;

import org.springframework.data.jpa.repository.JpaRepository;

interface DueDiligenceRepository extends JpaRepository<DueDiligence, Long> {

}
