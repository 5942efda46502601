package org.qinglian.platform;

import java.util.Optional;

/** Facts about this installation that commands ask before they act. */
public interface Installation {

	/** Whether any bundle has been imported. */
	boolean holdsData();

	/** A fact recorded earlier, e.g. {@code demo_county}. */
	Optional<String> fact(String key);

	void recordFact(String key, String value);

}
