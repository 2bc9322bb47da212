package uk.opcc.cspgrants.partnership;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.opcc.cspgrants.shared.ValidationException;

/**
 * Partnership groups in JSON: saved, named sets of partnerships a formula run can cover.
 * Everyone signed in sees them; administrators and officers change them.
 */
@RestController
@RequestMapping("/api/v1/partnership-groups")
@Tag(name = "Partnership groups", description = "Saved, named sets of partnerships a formula run can cover")
class PartnershipGroupApiController {

	private final PartnershipGroupManagement groups;

	private final PartnershipManagement partnerships;

	PartnershipGroupApiController(PartnershipGroupManagement groups, PartnershipManagement partnerships) {
		this.groups = groups;
		this.partnerships = partnerships;
	}

	@GetMapping
	@Operation(summary = "The groups by name, with their members; archived groups only when asked for")
	List<PartnershipGroupView> list(@RequestParam(defaultValue = "false") boolean includeArchived) {
		return this.groups.list(includeArchived);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One group with its members (archived members say active: false)")
	PartnershipGroupView get(@PathVariable long id) {
		return this.groups.get(id);
	}

	@PostMapping
	@Operation(summary = "Make a group: a name unique whatever its case, an optional description, "
			+ "and the codes of its partnerships, e.g. [\"CHA\", \"MEL\"] (administrators and officers)")
	ResponseEntity<PartnershipGroupView> create(@Valid @RequestBody GroupRequest request) {
		PartnershipGroupView created = this.groups
			.create(new PartnershipGroupDetails(request.name(), request.description(), ids(request.members())));
		return ResponseEntity.created(URI.create("/api/v1/partnership-groups/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a group's name, description and members; send the version you read, "
			+ "or get 409 if it changed since")
	PartnershipGroupView update(@PathVariable long id, @Valid @RequestBody GroupUpdate request) {
		return this.groups.update(id,
				new PartnershipGroupDetails(request.name(), request.description(), ids(request.members())),
				request.version());
	}

	@PostMapping("/{id}/archive")
	@Operation(summary = "Archive a group: it is no longer offered for runs, and runs made over it keep it; "
			+ "send the version you read")
	PartnershipGroupView archive(@PathVariable long id, @Valid @RequestBody VersionRead request) {
		return this.groups.archive(id, request.version());
	}

	@PostMapping("/{id}/restore")
	@Operation(summary = "Offer an archived group for runs again; send the version you read")
	PartnershipGroupView restore(@PathVariable long id, @Valid @RequestBody VersionRead request) {
		return this.groups.restore(id, request.version());
	}

	/**
	 * The partnerships named by code, as the rest of the API names them; a code that is
	 * no partnership is refused on the field.
	 */
	private List<Long> ids(List<String> codes) {
		if (codes == null) {
			return null;
		}
		List<Long> ids = new java.util.ArrayList<>();
		for (String code : codes) {
			ids.add(this.partnerships.findByCode((code != null) ? code.strip().toUpperCase(java.util.Locale.ROOT) : "")
				.map(PartnershipView::id)
				.orElseThrow(() -> new ValidationException("members", "There is no partnership with the code "
						+ ((code == null || code.isBlank()) ? "(blank)" : code.strip()))));
		}
		return ids;
	}

	/** A new group: its partnerships by code. */
	record GroupRequest(String name, String description, List<String> members) {
	}

	/** A change to a group, with the version it was read at. */
	record GroupUpdate(String name, String description, List<String> members,
			@NotNull(message = "Send the version you read") Long version) {
	}

	/** The version of a group as it was read. */
	record VersionRead(@NotNull(message = "Send the version you read") Long version) {
	}

}
