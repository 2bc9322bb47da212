package uk.opcc.cspgrants.partnership;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an officer says about a partnership when creating or changing it. Text is trimmed;
 * codes are upper-cased; an empty ONS code means none is known. Other names (aliases) are
 * how the partnership appears in source data, e.g. "Hinckley and Bosworth" in police.uk
 * files.
 */
public record PartnershipDetails(
		@NotBlank(message = "Enter the partnership's name") @Size(max = 120,
				message = "The name must be 120 characters or fewer") String name,
		@NotBlank(message = "Enter a short code") @Pattern(regexp = "[A-Z0-9]{2,12}",
				message = "The short code must be 2 to 12 letters or digits, like CHA") String code,
		@Pattern(regexp = "[A-Z][0-9]{8}",
				message = "Enter the ONS area code as a letter followed by 8 digits, like E07000130") String onsCode,
		@NotBlank(message = "Enter the lead local authority") @Size(max = 160,
				message = "The lead authority must be 160 characters or fewer") String leadAuthority,
		boolean active,
		List<@Size(max = 120, message = "Each other name must be 120 characters or fewer") String> aliases) {

	/** Without other names. */
	public PartnershipDetails(String name, String code, String onsCode, String leadAuthority, boolean active) {
		this(name, code, onsCode, leadAuthority, active, List.of());
	}

	public PartnershipDetails {
		aliases = (aliases == null) ? List.of()
				: aliases.stream().map(PartnershipDetails::trimToNull).filter(Objects::nonNull).distinct().toList();
		name = trimToNull(name);
		code = upper(code);
		onsCode = upper(onsCode);
		leadAuthority = trimToNull(leadAuthority);
	}

	private static String trimToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static String upper(String text) {
		String trimmed = trimToNull(text);
		return (trimmed != null) ? trimmed.toUpperCase(Locale.UK) : null;
	}

}
