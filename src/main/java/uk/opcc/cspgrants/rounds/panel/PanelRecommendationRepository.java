package uk.opcc.cspgrants.rounds.panel;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PanelRecommendationRepository extends JpaRepository<PanelRecommendation, Long> {

	@Query("select r from PanelRecommendation r where r.roundId = :round")
	List<PanelRecommendation> findByRound(@Param("round") long round);

}
