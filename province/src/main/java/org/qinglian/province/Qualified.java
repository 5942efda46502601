package org.qinglian.province;

import java.util.regex.Pattern;

/**
 * Ids qualified by their county ({@code prov_q} of {@code inputs.sql}: a unit separator,
 * the county code, a unit separator, the id), so that counties' ids never meet in one
 * scan; taken off again in what the scan writes.
 */
final class Qualified {

	private static final Pattern COUNTY = Pattern.compile("\u001F\\d{6}\u001F");

	private Qualified() {
	}

	static String strip(String s) {
		return s == null || s.indexOf('\u001F') < 0 ? s : COUNTY.matcher(s).replaceAll("");
	}

}
