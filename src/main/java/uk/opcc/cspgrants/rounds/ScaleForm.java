package uk.opcc.cspgrants.rounds;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.util.MultiValueMap;

/**
 * The scale form, as typed: the top of the scale ({@code max}) and a description per
 * point from 0 to 10 ({@code point-0} … {@code point-10}), those above the top left
 * blank.
 *
 * @param max the top as typed
 * @param descriptions the descriptions as typed, by point
 * @param version the version of the round read
 */
record ScaleForm(String max, Map<Integer, String> descriptions, Long version) {

	static ScaleForm of(RoundView round) {
		Map<Integer, String> descriptions = new LinkedHashMap<>();
		round.scale().forEach(point -> descriptions.put(point.point(), point.description()));
		if (round.scale().isEmpty()) {
			descriptions.putAll(RoundScale.DEFAULT.descriptions());
		}
		int max = round.scale().isEmpty() ? RoundScale.DEFAULT.max() : round.scaleMax();
		return new ScaleForm(Integer.toString(max), descriptions, round.version());
	}

	static ScaleForm from(MultiValueMap<String, String> sent) {
		Map<Integer, String> descriptions = new LinkedHashMap<>();
		for (int point = 0; point <= RoundScale.HIGHEST; point++) {
			String typed = sent.getFirst("point-" + point);
			descriptions.put(point, (typed != null) ? typed : "");
		}
		String version = sent.getFirst("version");
		Long read = (version != null && version.strip().matches("\\d{1,18}")) ? Long.valueOf(version.strip()) : null;
		return new ScaleForm(sent.getFirst("max"), descriptions, read);
	}

	public String description(int point) {
		return this.descriptions.getOrDefault(point, "");
	}

	ScaleForm withVersion(long now) {
		return new ScaleForm(this.max, this.descriptions, now);
	}

	/** The scale typed; its rules are checked by {@link RoundScale#check()}. */
	RoundScale toScale() {
		Integer top = null;
		if (this.max != null && this.max.strip().matches("\\d{1,2}")) {
			top = Integer.valueOf(this.max.strip());
		}
		return new RoundScale(top, this.descriptions);
	}

}
