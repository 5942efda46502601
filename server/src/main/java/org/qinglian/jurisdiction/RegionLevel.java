package org.qinglian.jurisdiction;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a region stands in the county tree (the codes of {@code regions.csv}). */
public enum RegionLevel {

	/** The county (县、市), the root. */
	COUNTY,
	/** A township or street (乡镇、街道). */
	TOWNSHIP,
	/** A village or community (村、社区): a leaf, with its people and books. */
	VILLAGE;

	/**
	 * The code of the exchange format: {@code county}, {@code township}, {@code village}.
	 */
	@JsonValue
	public String code() {
		return name().toLowerCase();
	}

	public boolean isVillage() {
		return this == VILLAGE;
	}

	public static RegionLevel of(String code) {
		return Arrays.stream(values())
			.filter(l -> l.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no region level '" + code + "'"));
	}

	@Override
	public String toString() {
		return code();
	}

}
