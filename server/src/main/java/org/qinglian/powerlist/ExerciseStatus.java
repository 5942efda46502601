package org.qinglian.powerlist;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a use of power (小微权力运行) stands. */
public enum ExerciseStatus {

	/** Under way: its later steps are not expected yet. */
	OPEN,
	/** Completed: every required step of its flow must be there. */
	DONE,
	/** Given up before it was completed. */
	ABANDONED;

	/**
	 * The code of the exchange format and of the pages' message keys
	 * ({@code status.done}).
	 */
	@JsonValue
	public String code() {
		return name().toLowerCase();
	}

	public static ExerciseStatus of(String code) {
		return Arrays.stream(values())
			.filter(s -> s.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no use-of-power status '" + code + "'"));
	}

	@Override
	public String toString() {
		return code();
	}

}
