package org.qinglian.risk;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a finding stands. A scan makes it {@link #OPEN} and may later find it
 * {@link #WITHDRAWN} (the data no longer shows it) or open again; staff triage an open
 * one into {@link #DISMISSED} (with a reason) or {@link #CLUE}.
 */
public enum FindingStatus {

	/** Found, not yet checked by hand. */
	OPEN,
	/** Checked and dismissed, with a reason. */
	DISMISSED,
	/** Turned into a clue that casework follows. */
	CLUE,
	/** The data no longer shows it. */
	WITHDRAWN;

	/**
	 * The code stored and shown in URLs and message keys ({@code finding.status.open}).
	 */
	@JsonValue
	public String code() {
		return name().toLowerCase();
	}

	public boolean isOpen() {
		return this == OPEN;
	}

	public static FindingStatus of(String code) {
		return Arrays.stream(values())
			.filter(s -> s.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no finding status '" + code + "'"));
	}

	@Override
	public String toString() {
		return code();
	}

}
