package org.qinglian.platform;

import java.util.List;
import java.util.Optional;

/**
 * What the platform needs to know of the county's registry (the jurisdiction module
 * answers): whether a region or a person exists, and a region's name. The platform stands
 * below the modules, so it asks through this interface rather than reading their tables.
 */
public interface Registry {

	/** The name of a region of the county, if there is one. */
	Optional<String> regionName(String regionCode);

	boolean personExists(String personId);

	/**
	 * The regions whose code starts with a prefix (a user's subtree), in code order: the
	 * choices of a user's jurisdiction. Region names are public.
	 */
	List<RegionName> regionsUnder(String prefix);

	/** A region's code and name. */
	record RegionName(String code, String name) {
	}

	/** The counties of the registry (one, for a county's installation). */
	List<String> counties();

}
