package uk.opcc.cspgrants.rounds.applying;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.rounds.RoundView;
import uk.opcc.cspgrants.rounds.Rounds;
import uk.opcc.cspgrants.shared.web.ApplicantApplications;

/**
 * An applicant's own applications for their home page, each round read once however many
 * of its applications they have.
 */
@Component
@Transactional(readOnly = true)
class YourApplications implements ApplicantApplications {

	private final ApplicationRepository repository;

	private final Rounds rounds;

	YourApplications(ApplicationRepository repository, Rounds rounds) {
		this.repository = repository;
		this.rounds = rounds;
	}

	@Override
	public List<Summary> of(long applicantUserId) {
		java.util.Map<Long, RoundView> rounds = new java.util.HashMap<>();
		return this.repository.findAllOwn(applicantUserId).stream().map(Application::view).map(application -> {
			RoundView round = rounds.computeIfAbsent(application.roundId(), id -> this.rounds.find(id).orElseThrow());
			return new Summary(application.id(), application.name(), round.title(), application.status().forApplicant(),
					application.completed(), application.tasks().size(), round.closesAt());
		}).toList();
	}

}
