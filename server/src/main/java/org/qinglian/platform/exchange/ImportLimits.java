package org.qinglian.platform.exchange;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.io.IOException;

/**
 * What one file of a bundle may be, so that a hostile bundle is refused before it costs
 * time or memory.
 *
 * @param maxFileBytes the largest file (after unzipping); a ten times larger county than
 * the benchmark's has no file of even a tenth of the default
 * @param maxInflation how many times a zipped file may inflate (CSV inflates 4 to 10
 * times); above it, and above 16 MB (or a quarter of {@code maxFileBytes}), it is refused
 * as a zip bomb
 * @param maxRecordChars the longest record (one row of a CSV file), in characters: its
 * fields' and the commas between them (not the quotes around a field)
 */
@ConfigurationProperties("qinglian.import")
public record ImportLimits(@DefaultValue("1073741824") long maxFileBytes, @DefaultValue("100") int maxInflation,
		@DefaultValue("1048576") int maxRecordChars) {

	/**
	 * A file of a bundle goes past a limit: a problem line, {@code file:line: -: reason}.
	 */
	static final class Exceeded extends IOException {

		Exceeded(String problem) {
			super(problem);
		}

	}

}
