package uk.opcc.cspgrants.partnership;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.opcc.cspgrants.shared.CurrentUser;

/** The partnerships in JSON. CSP managers see only their own. */
@RestController
@RequestMapping("/api/v1/partnerships")
@Tag(name = "Partnerships", description = "Community Safety Partnerships")
class PartnershipApiController {

	private final PartnershipManagement partnerships;

	PartnershipApiController(PartnershipManagement partnerships) {
		this.partnerships = partnerships;
	}

	@GetMapping
	@Operation(summary = "The partnerships you may see, by name")
	List<PartnershipView> list(@RequestParam(defaultValue = "false") boolean includeArchived,
			@AuthenticationPrincipal CurrentUser user) {
		return this.partnerships.listFor(user, includeArchived);
	}

	@GetMapping("/{code}")
	@Operation(summary = "One partnership by its short code")
	PartnershipView get(@PathVariable String code, @AuthenticationPrincipal CurrentUser user) {
		return this.partnerships.get(code, user);
	}

	@PostMapping
	@Operation(summary = "Add a partnership (administrators and officers)")
	ResponseEntity<PartnershipView> create(@Valid @RequestBody PartnershipRequest request) {
		PartnershipView created = this.partnerships.create(request.toDetails());
		return ResponseEntity.created(URI.create("/api/v1/partnerships/" + created.code())).body(created);
	}

	@PutMapping("/{code}")
	@Operation(summary = "Change a partnership; send the version you read, or get 409 if it changed since")
	PartnershipView update(@PathVariable String code, @Valid @RequestBody PartnershipUpdate request) {
		return this.partnerships.update(code, request.toDetails(), request.version());
	}

	/** A new partnership; {@code active} defaults to true. */
	record PartnershipRequest(String name, String code, String onsCode, String leadAuthority, Boolean active,
			List<String> aliases) {

		PartnershipDetails toDetails() {
			return new PartnershipDetails(this.name, this.code, this.onsCode, this.leadAuthority,
					this.active == null || this.active, this.aliases);
		}

	}

	/** A change to a partnership, with the version it was read at. */
	record PartnershipUpdate(String name, String code, String onsCode, String leadAuthority, Boolean active,
			List<String> aliases, @NotNull(message = "Send the version you read") Long version) {

		PartnershipDetails toDetails() {
			return new PartnershipDetails(this.name, this.code, this.onsCode, this.leadAuthority,
					this.active == null || this.active, this.aliases);
		}

	}

}
