package uk.opcc.cspgrants.rounds.applying;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.rounds.RoundView;
import uk.opcc.cspgrants.rounds.Rounds;
import uk.opcc.cspgrants.shared.web.ApplicantApplications;

/** An applicant's own applications for their home page. */
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
		return this.repository.findAllOwn(applicantUserId).stream().map(Application::view).map(application -> {
			RoundView round = this.rounds.find(application.roundId()).orElseThrow();
			return new Summary(application.id(), application.name(), round.title(), application.status().forApplicant(),
					application.completed(), application.tasks().size(), round.closesAt());
		}).toList();
	}

}
