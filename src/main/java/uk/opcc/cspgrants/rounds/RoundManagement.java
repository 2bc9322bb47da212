package uk.opcc.cspgrants.rounds;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.opcc.cspgrants.audit.AuditTrail;
import uk.opcc.cspgrants.commissioning.FundingStreamView;
import uk.opcc.cspgrants.commissioning.FundingStreams;
import uk.opcc.cspgrants.commissioning.PlanThemes;
import uk.opcc.cspgrants.commissioning.ThemeView;
import uk.opcc.cspgrants.shared.ConflictException;
import uk.opcc.cspgrants.shared.CurrentUser;
import uk.opcc.cspgrants.shared.DatabaseRefusal;
import uk.opcc.cspgrants.shared.Dates;
import uk.opcc.cspgrants.shared.FinancialYear;
import uk.opcc.cspgrants.shared.NotFoundException;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * Sets grant rounds up: drafts a round under a reference (once, whatever its case), and
 * changes a draft's details and themes, criteria or scale, each from the version read: a
 * change from an older version is refused naming who changed the round and when. Every
 * change locks the round's row first, so changes of one round take turns, and is audited.
 */
@Service
@Transactional
public class RoundManagement {

	static final String AUDIT_TYPE = "GrantRound";

	private final GrantRoundRepository repository;

	private final RoundLocks locks;

	private final RoundSetupStore setup;

	private final Rounds rounds;

	private final FundingStreams streams;

	private final PlanThemes themes;

	private final AuditTrail auditTrail;

	private final Clock clock;

	RoundManagement(GrantRoundRepository repository, RoundLocks locks, RoundSetupStore setup, Rounds rounds,
			FundingStreams streams, PlanThemes themes, AuditTrail auditTrail, Clock clock) {
		this.repository = repository;
		this.locks = locks;
		this.setup = setup;
		this.rounds = rounds;
		this.streams = streams;
		this.themes = themes;
		this.auditTrail = auditTrail;
		this.clock = clock;
	}

	/** The round of a reference, or not found. */
	@Transactional(readOnly = true)
	public RoundView get(String reference) {
		return this.rounds.find(reference)
			.orElseThrow(() -> new NotFoundException("There is no grant round " + reference));
	}

	/**
	 * Drafts a round of a year with the default scale (0 to 5, each point described);
	 * refused on the reference when a round has it already (the database's key
	 * {@code grant_round_reference_once}), on the stream or themes when they are not of
	 * the year.
	 */
	public RoundView create(FinancialYear year, String reference, RoundDetails details, CurrentUser user) {
		String typed = RoundReference.check(reference);
		details.check();
		checkStreamAndThemes(year, details);
		Optional<RoundView> same = this.rounds.find(typed);
		if (same.isPresent()) {
			throw alreadyThere(same.get());
		}
		Instant now = this.clock.instant();
		GrantRound round = DatabaseRefusal.orFieldConflict(
				() -> this.repository
					.saveAndFlush(new GrantRound(typed, year.startYear(), details, now, user.displayName())),
				Map.of("grant_round_reference_once",
						new ConflictException("reference", "There is already a grant round " + typed
								+ ": open it, or give this round another reference")));
		this.setup.replaceThemes(round.getId(), details.themeIds());
		this.setup.addScale(round.getId(), RoundScale.DEFAULT);
		RoundView created = get(typed);
		this.auditTrail.record("CREATE", AUDIT_TYPE, created.id(), null, RoundSnapshots.details(created));
		return created;
	}

	/** Changes a draft's details and themes, once for the version read. */
	public RoundView change(String reference, RoundDetails details, Long version, CurrentUser user) {
		RoundView before = get(reference);
		details.check();
		checkStreamAndThemes(before.year(), details);
		GrantRound round = this.locks.locked(reference, version);
		round.change(details, this.clock.instant(), user.displayName());
		this.locks.save(round);
		this.setup.replaceThemes(round.getId(), details.themeIds());
		RoundView after = get(reference);
		this.auditTrail.record("UPDATE", AUDIT_TYPE, after.id(), RoundSnapshots.details(before),
				RoundSnapshots.details(after));
		return after;
	}

	/**
	 * Replaces a draft's criteria, once for the version read; their weights add up to
	 * 100.00.
	 */
	public RoundView setCriteria(String reference, RoundCriteria criteria, Long version, CurrentUser user) {
		RoundView before = get(reference);
		criteria.check();
		GrantRound round = this.locks.locked(reference, version);
		round.setupChanged(this.clock.instant(), user.displayName());
		this.locks.save(round);
		this.setup.replaceCriteria(round.getId(), criteria);
		RoundView after = get(reference);
		this.auditTrail.record("SET_CRITERIA", AUDIT_TYPE, after.id(), RoundSnapshots.criteria(before),
				RoundSnapshots.criteria(after));
		return after;
	}

	/** Replaces a draft's scale, once for the version read; every point described. */
	public RoundView setScale(String reference, RoundScale scale, Long version, CurrentUser user) {
		RoundView before = get(reference);
		scale.check();
		GrantRound round = this.locks.locked(reference, version);
		this.setup.removeScale(round.getId());
		round.rescale(scale.max(), this.clock.instant(), user.displayName());
		this.locks.save(round);
		this.setup.addScale(round.getId(), scale);
		RoundView after = get(reference);
		this.auditTrail.record("SET_SCALE", AUDIT_TYPE, after.id(), RoundSnapshots.scale(before),
				RoundSnapshots.scale(after));
		return after;
	}

	private void checkStreamAndThemes(FinancialYear year, RoundDetails details) {
		Optional<FundingStreamView> stream = this.streams.find(details.streamId());
		if (stream.isEmpty() || !stream.get().year().equals(year)) {
			throw new ValidationException("streamId",
					"Choose a funding stream of " + year + ": the round spends money of its own year");
		}
		if (details.themeIds().isEmpty()) {
			return;
		}
		List<ThemeView> ofTheYear = this.themes.themes(year);
		if (ofTheYear.isEmpty()) {
			throw new ValidationException("themeIds", year + " has not adopted a Police and Crime Plan: choose the "
					+ "year's plan on the Commissioning pages first, then the round's themes");
		}
		Set<Long> known = ofTheYear.stream().map(ThemeView::id).collect(Collectors.toSet());
		if (!known.containsAll(details.themeIds())) {
			throw new ValidationException("themeIds",
					"Choose themes of " + ofTheYear.get(0).planName() + ", the Police and Crime Plan of " + year);
		}
	}

	private static ConflictException alreadyThere(RoundView round) {
		return new ConflictException("reference",
				"There is already a grant round " + round.reference() + " (" + round.title() + "), drafted by "
						+ round.createdBy() + " on " + Dates.dayAndTime(round.createdAt())
						+ ": open it, or give this round another reference");
	}

}
