package uk.opcc.cspgrants.organisations;

import java.net.URI;

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

/** Organisations (grant recipients) in JSON. */
@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "Organisations", description = "Recipients of grants beyond the CSPs, with their 360Giving identifiers")
class OrganisationApiController {

	private final OrganisationManagement organisations;

	private final OrganisationList list;

	OrganisationApiController(OrganisationManagement organisations, OrganisationList list) {
		this.organisations = organisations;
		this.list = list;
	}

	@GetMapping
	@Operation(summary = "Organisations by name, 50 a page (from 1): all, or of a type, or whose name, identifier, "
			+ "charity or company number matches the search")
	OrganisationList.Page list(@RequestParam(required = false) OrganisationType type,
			@RequestParam(required = false) String search, @RequestParam(defaultValue = "1") int page) {
		return this.list.find(type, search, page);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One organisation with the CSPs it is the lead authority of")
	OrganisationRecord get(@PathVariable long id) {
		return this.organisations.get(id);
	}

	@PostMapping
	@Operation(summary = "Add an organisation (administrators and officers). Its identifier is made from its "
			+ "register numbers (GB-CHC-, GB-COH-, GB-LAE-) or is the OPCC's own (360G-). 400 for a field that is "
			+ "not valid; 409 when its register number is already recorded, naming the organisation, or when its "
			+ "name is spelled like one already recorded: send despiteSimilarName true if it is another organisation")
	ResponseEntity<OrganisationRecord> create(@RequestBody OrganisationRequest request) {
		OrganisationRecord created = this.organisations.create(request.toDetails(),
				Boolean.TRUE.equals(request.despiteSimilarName()));
		return ResponseEntity.created(URI.create("/api/v1/organisations/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change an organisation; send every field and the version you read, or get 409 naming who "
			+ "changed it since. A new name spelled like another organisation's is 409 unless despiteSimilarName")
	OrganisationRecord update(@PathVariable long id, @Valid @RequestBody OrganisationUpdate request) {
		return this.organisations.update(id, request.toDetails(), request.version(),
				Boolean.TRUE.equals(request.despiteSimilarName()));
	}

	/** A new organisation. */
	record OrganisationRequest(String name, OrganisationType type, String charityNumber, String companyNumber,
			String localAuthorityCode, String address, String postcode, String contactName, String contactEmail,
			String contactPhone, Boolean despiteSimilarName) {

		OrganisationDetails toDetails() {
			return new OrganisationDetails(this.name, this.type, this.charityNumber, this.companyNumber,
					this.localAuthorityCode, this.address, this.postcode, this.contactName, this.contactEmail,
					this.contactPhone);
		}

	}

	/** A change to an organisation, with the version it was read at. */
	record OrganisationUpdate(String name, OrganisationType type, String charityNumber, String companyNumber,
			String localAuthorityCode, String address, String postcode, String contactName, String contactEmail,
			String contactPhone, Boolean despiteSimilarName,
			@NotNull(message = "Send the version you read") Long version) {

		OrganisationDetails toDetails() {
			return new OrganisationDetails(this.name, this.type, this.charityNumber, this.companyNumber,
					this.localAuthorityCode, this.address, this.postcode, this.contactName, this.contactEmail,
					this.contactPhone);
		}

	}

}
