package uk.opcc.cspgrants.organisations;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import uk.opcc.cspgrants.shared.ValidationException;

/**
 * The 360Giving organisation identifier an organisation's register numbers make, and the
 * shapes those numbers must have. Plain Java, no Spring.
 * <ul>
 * <li>a charity with a charity number of England and Wales: {@code GB-CHC-<number>}
 * ({@code GB-CHC-1012345}); of Scotland ({@code SC} and 6 digits):
 * {@code GB-SC-<number>};</li>
 * <li>a company or community interest company with a company number, or a charity with a
 * company number and no charity number (a charitable company): {@code GB-COH-<number>},
 * the number zero padded to Companies House's 8 characters ({@code 1234567} is
 * {@code 01234567}, {@code SC12345} is {@code SC012345});</li>
 * <li>a local authority with its code in the 360Giving local authorities list:
 * {@code GB-LAE-<code>} ({@code GB-LAE-LCE} for Leicester City Council);</li>
 * <li>anything else: the OPCC's own identifier
 * {@code 360G-<prefix>-org-<name slug>}.</li>
 * </ul>
 */
public final class OrganisationIdentifier {

	private static final Pattern CHARITY_ENGLAND_AND_WALES = Pattern.compile("[0-9]{6,8}");

	private static final Pattern CHARITY_SCOTLAND = Pattern.compile("SC[0-9]{6}");

	private static final Pattern COMPANY_DIGITS = Pattern.compile("[0-9]{1,8}");

	private static final Pattern COMPANY_PREFIXED = Pattern.compile("([A-Z]{2})([0-9]{1,6})");

	private static final Pattern LOCAL_AUTHORITY = Pattern.compile("[A-Z]{3,4}");

	private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9]+(-[A-Za-z0-9]+)*");

	private OrganisationIdentifier() {
	}

	/**
	 * A charity number as stored: spaces dropped, upper case; {@code null} for none.
	 * @throws ValidationException on {@code charityNumber} when it is not one
	 */
	public static String charityNumber(String typed) {
		String number = compact(typed);
		if (number == null) {
			return null;
		}
		if (CHARITY_ENGLAND_AND_WALES.matcher(number).matches() || CHARITY_SCOTLAND.matcher(number).matches()) {
			return number;
		}
		throw new ValidationException("charityNumber",
				"Enter the charity number as 6 to 8 digits, like 1012345, or SC and 6 digits for a Scottish charity");
	}

	/**
	 * A company number as stored: spaces dropped, upper case, zero padded to 8
	 * characters; {@code null} for none.
	 * @throws ValidationException on {@code companyNumber} when it is not one
	 */
	public static String companyNumber(String typed) {
		String number = compact(typed);
		if (number == null) {
			return null;
		}
		if (COMPANY_DIGITS.matcher(number).matches()) {
			return "0".repeat(8 - number.length()) + number;
		}
		var prefixed = COMPANY_PREFIXED.matcher(number);
		if (prefixed.matches()) {
			String digits = prefixed.group(2);
			return prefixed.group(1) + "0".repeat(6 - digits.length()) + digits;
		}
		throw new ValidationException("companyNumber",
				"Enter the company number as up to 8 digits, like 01234567, or 2 letters and up to 6 digits, like SC123456");
	}

	/**
	 * A local authority code as stored: upper case; {@code null} for none.
	 * @throws ValidationException on {@code localAuthorityCode} when it is not one
	 */
	public static String localAuthorityCode(String typed) {
		String code = compact(typed);
		if (code == null) {
			return null;
		}
		if (LOCAL_AUTHORITY.matcher(code).matches()) {
			return code;
		}
		throw new ValidationException("localAuthorityCode",
				"Enter the local authority code as 3 or 4 letters, like LCE for Leicester City Council");
	}

	/**
	 * Every shape refused at once, by field, in the order of the form; empty when all are
	 * right.
	 */
	static Map<String, String> shapeErrors(String charityNumber, String companyNumber, String localAuthorityCode) {
		Map<String, String> errors = new LinkedHashMap<>();
		collect(errors, () -> charityNumber(charityNumber));
		collect(errors, () -> companyNumber(companyNumber));
		collect(errors, () -> localAuthorityCode(localAuthorityCode));
		return errors;
	}

	/**
	 * The identifier a register makes for an organisation of this type with these
	 * (stored) numbers; empty when none does and the OPCC's own is needed.
	 */
	public static Optional<String> registered(OrganisationType type, String charityNumber, String companyNumber,
			String localAuthorityCode) {
		return switch (type) {
			case CHARITY -> {
				if (charityNumber != null) {
					yield Optional.of((charityNumber.startsWith("SC") ? "GB-SC-" : "GB-CHC-") + charityNumber);
				}
				yield Optional.ofNullable(companyNumber).map((number) -> "GB-COH-" + number);
			}
			case COMPANY, CIC -> Optional.ofNullable(companyNumber).map((number) -> "GB-COH-" + number);
			case LOCAL_AUTHORITY -> Optional.ofNullable(localAuthorityCode).map((code) -> "GB-LAE-" + code);
			default -> Optional.empty();
		};
	}

	/**
	 * The OPCC's own identifier for an organisation no register identifies:
	 * {@code 360G-<prefix>-org-<slug>}, the slug made from its name by
	 * {@link OrganisationNames#slug}, with {@code -2}, {@code -3}... for a second
	 * organisation of the same name ({@code number} 1 for none).
	 */
	public static String opcc(String prefix, String name, int number) {
		if (prefix == null || !PREFIX.matcher(prefix).matches()) {
			throw new IllegalArgumentException("The open data prefix must be letters, digits and hyphens: " + prefix);
		}
		return "360G-" + prefix + "-org-" + OrganisationNames.slug(name) + ((number > 1) ? "-" + number : "");
	}

	/** Whether an identifier is one of the OPCC's own, rather than a register's. */
	public static boolean isOpcc(String identifier, String prefix) {
		return identifier != null && identifier.startsWith("360G-" + prefix + "-org-");
	}

	private static String compact(String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		return typed.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
	}

	private static void collect(Map<String, String> errors, Runnable check) {
		try {
			check.run();
		}
		catch (ValidationException refused) {
			errors.putAll(refused.fieldErrors());
		}
	}

}
