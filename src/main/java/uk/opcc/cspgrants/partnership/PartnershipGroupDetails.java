package uk.opcc.cspgrants.partnership;

import java.util.List;
import java.util.Objects;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * What an officer says about a partnership group when making or changing it: its name, an
 * optional description and the partnerships in it (by id). Text is trimmed; a partnership
 * chosen twice counts once.
 */
public record PartnershipGroupDetails(
		@NotBlank(message = "Enter the group's name") @Size(max = 120,
				message = "The name must be 120 characters or fewer") String name,
		@Size(max = 500, message = "The description must be 500 characters or fewer") String description,
		@NotEmpty(message = "Choose at least one partnership for the group") List<Long> members) {

	public PartnershipGroupDetails {
		name = trimToNull(name);
		description = trimToNull(description);
		members = (members == null) ? List.of() : members.stream().filter(Objects::nonNull).distinct().toList();
	}

	private static String trimToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
