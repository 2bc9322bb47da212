package uk.opcc.cspgrants.commissioning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.ListIndexBase;
import uk.opcc.cspgrants.shared.Money;

/**
 * One award of a schedule: a recipient, an initiative, its amounts per period, the stream
 * it is paid from, the theme it links to and the purchasing route. Part of the
 * {@link AwardSchedule} aggregate: it changes only through the schedule.
 */
@Entity
@Table(name = "award_line")
class AwardLine {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "schedule_id", nullable = false, updatable = false)
	private AwardSchedule schedule;

	@Column(nullable = false)
	private int position;

	private String section;

	@Column(name = "organisation_id", nullable = false)
	private long organisationId;

	@Column(name = "partnership_id")
	private Long partnershipId;

	@Column(nullable = false)
	private String initiative;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private LineStatus status;

	@Column(name = "stream_id", nullable = false)
	private long streamId;

	@Column(name = "theme_id", nullable = false)
	private long themeId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private PurchasingRoute route;

	@Column(name = "business_case_ref")
	private String businessCaseRef;

	@Column(name = "contract_ref")
	private String contractRef;

	@Column(name = "round_ref")
	private String roundRef;

	@Column(name = "in_kind", nullable = false)
	private boolean inKind;

	private String comments;

	@Column(name = "replaces_line_id")
	private Long replacesLineId;

	/** The decision record that added the line, for a line a round's decision made. */
	@Column(name = "decided_by", insertable = false, updatable = false)
	private String decidedBy;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "created_by", nullable = false, updatable = false)
	private String createdBy;

	@ElementCollection(fetch = FetchType.LAZY)
	@CollectionTable(name = "award_line_period", joinColumns = @JoinColumn(name = "line_id"))
	@OrderColumn(name = "position")
	@ListIndexBase(1)
	private List<LinePeriod> periods = new ArrayList<>();

	protected AwardLine() {
	}

	AwardLine(AwardSchedule schedule, int position, LineDetails details, String createdBy, Instant createdAt) {
		this.schedule = schedule;
		this.position = position;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
		apply(details);
	}

	void apply(LineDetails details) {
		this.section = details.section();
		this.organisationId = details.organisationId();
		this.partnershipId = details.partnershipId();
		this.initiative = details.initiative();
		this.status = details.status();
		this.streamId = details.streamId();
		this.themeId = details.themeId();
		this.route = details.route();
		this.businessCaseRef = details.businessCaseRef();
		this.contractRef = details.contractRef();
		this.roundRef = details.roundRef();
		this.inKind = details.inKind();
		this.comments = details.comments();
		this.periods.clear();
		details.periods()
			.forEach(period -> this.periods.add(new LinePeriod(period.startsOn(), period.endsOn(), period.amount())));
	}

	Long id() {
		return this.id;
	}

	int position() {
		return this.position;
	}

	long organisationId() {
		return this.organisationId;
	}

	long streamId() {
		return this.streamId;
	}

	PurchasingRoute route() {
		return this.route;
	}

	String initiative() {
		return this.initiative;
	}

	String decidedBy() {
		return this.decidedBy;
	}

	Long replacesLineId() {
		return this.replacesLineId;
	}

	void replaces(Long lineId) {
		this.replacesLineId = lineId;
	}

	String businessCaseRef() {
		return this.businessCaseRef;
	}

	String contractRef() {
		return this.contractRef;
	}

	String roundRef() {
		return this.roundRef;
	}

	List<LinePeriod> periods() {
		return List.copyOf(this.periods);
	}

	Money total() {
		return this.periods.stream().map(LinePeriod::amount).reduce(Money.ZERO, Money::plus);
	}

}
