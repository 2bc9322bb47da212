package uk.opcc.cspgrants.rounds.applying;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.rounds.RoundView;
import uk.opcc.cspgrants.rounds.Rounds;
import uk.opcc.cspgrants.shared.NotFoundException;

/**
 * What officers see of a round's applications: those submitted, in the order they came
 * in, and how many drafts are being written (never a draft's answers: an application is
 * the applicant's until they submit it).
 */
@Service
@Transactional(readOnly = true)
public class SubmittedApplications {

	private final ApplicationRepository repository;

	private final Rounds rounds;

	SubmittedApplications(ApplicationRepository repository, Rounds rounds) {
		this.repository = repository;
		this.rounds = rounds;
	}

	public RoundView round(String reference) {
		return this.rounds.find(reference)
			.orElseThrow(() -> new NotFoundException("There is no grant round " + reference));
	}

	public List<ApplicationView> of(RoundView round) {
		return this.repository.findSubmitted(round.id()).stream().map(Application::view).toList();
	}

	/**
	 * A submitted application by its id, for a reviewer's pages (who may see it is
	 * decided there).
	 */
	public ApplicationView byId(long id) {
		return this.repository.findById(id)
			.filter(application -> application.view().submittedAt() != null)
			.map(Application::view)
			.orElseThrow(() -> new NotFoundException("There is no such application"));
	}

	/**
	 * Submitted applications by id, read together (their budgets and documents in
	 * batches), for a reviewer's list.
	 */
	public java.util.Map<Long, ApplicationView> byIds(java.util.Collection<Long> ids) {
		java.util.Map<Long, ApplicationView> found = new java.util.HashMap<>();
		for (Application application : this.repository.findAllById(ids)) {
			ApplicationView view = application.view();
			if (view.submittedAt() != null) {
				found.put(view.id(), view);
			}
		}
		return found;
	}

	public long drafts(RoundView round) {
		return this.repository.countDrafts(round.id());
	}

	public ApplicationView one(RoundView round, String reference) {
		return this.repository.findByReference(round.id(), reference)
			.map(Application::view)
			.orElseThrow(() -> new NotFoundException("There is no submitted application " + reference));
	}

}
