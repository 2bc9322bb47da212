package uk.opcc.cspgrants.shared;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;

/**
 * Gathers every refusal of a form's input before saying no, so that the user is told
 * everything at once, in the order of the form, not one problem per round trip. Checks
 * are made in form order; the first message for a field wins.
 */
public final class FieldRefusals {

	private final Map<String, String> errors = new LinkedHashMap<>();

	/** Runs a rule; its refusal is kept and the next rule runs. */
	public FieldRefusals check(Runnable rule) {
		try {
			rule.run();
		}
		catch (ValidationException refused) {
			refused.fieldErrors().forEach(this.errors::putIfAbsent);
		}
		return this;
	}

	/** Works something out; empty, with its refusal kept, when it is refused. */
	public <T> Optional<T> attempt(Supplier<T> rule) {
		try {
			return Optional.ofNullable(rule.get());
		}
		catch (ValidationException refused) {
			refused.fieldErrors().forEach(this.errors::putIfAbsent);
			return Optional.empty();
		}
	}

	/** Keeps the messages of bean validation, each on the field it is about. */
	public FieldRefusals add(Set<? extends ConstraintViolation<?>> violations) {
		for (ConstraintViolation<?> violation : inFieldOrder(violations)) {
			this.errors.putIfAbsent(leafName(violation.getPropertyPath()), violation.getMessage());
		}
		return this;
	}

	public FieldRefusals add(String field, String message) {
		this.errors.putIfAbsent(field, message);
		return this;
	}

	public boolean refused(String field) {
		return this.errors.containsKey(field);
	}

	/** Says no with every message gathered, if there is any. */
	public void throwIfAny() {
		if (!this.errors.isEmpty()) {
			throw new ValidationException(this.errors);
		}
	}

	/**
	 * The violations in the order their fields are declared (for a record, its
	 * components), so that an error summary lists them in the order of the form.
	 */
	public static List<ConstraintViolation<?>> inFieldOrder(Collection<? extends ConstraintViolation<?>> violations) {
		List<ConstraintViolation<?>> ordered = new ArrayList<>(violations);
		ordered.sort(Comparator.comparingInt(FieldRefusals::declarationIndex)
			.thenComparing(violation -> String.valueOf(leafName(violation.getPropertyPath()))));
		return ordered;
	}

	private static int declarationIndex(ConstraintViolation<?> violation) {
		Object bean = violation.getLeafBean();
		String field = leafName(violation.getPropertyPath());
		if (bean != null && bean.getClass().isRecord()) {
			RecordComponent[] components = bean.getClass().getRecordComponents();
			for (int i = 0; i < components.length; i++) {
				if (components[i].getName().equals(field)) {
					return i;
				}
			}
		}
		return Integer.MAX_VALUE;
	}

	/** The field a constraint violation is about: the last node of its path. */
	public static String leafName(Path path) {
		String leaf = null;
		for (Path.Node node : path) {
			leaf = node.getName();
		}
		return leaf;
	}

}
