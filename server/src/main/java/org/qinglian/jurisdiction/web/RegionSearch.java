package org.qinglian.jurisdiction.web;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.hankcs.hanlp.HanLP;

/**
 * How a villager finds a place by typing part of its name in Chinese characters or in
 * pinyin: the whole (甘霖, ganlin) or the initials (gl). HanLP gives the pinyin; a name's
 * is worked out once.
 */
final class RegionSearch {

	private final Map<String, String[]> pinyin = new ConcurrentHashMap<>();

	/** Whether a name answers a query: an empty query answers every name. */
	boolean matches(String name, String query) {
		String q = normalized(query);
		if (q.isEmpty() || name.contains(q)) {
			return true;
		}
		if (!q.chars().allMatch(c -> c < 128 && Character.isLetter(c))) {
			return false;
		}
		String[] p = pinyin.computeIfAbsent(name,
				n -> new String[] { HanLP.convertToPinyinFirstCharString(n, "", false).toLowerCase(Locale.ROOT),
						HanLP.convertToPinyinString(n, "", false).toLowerCase(Locale.ROOT) });
		return p[0].startsWith(q) || p[1].startsWith(q);
	}

	/**
	 * The query without any whitespace (the ideographic space too), letters in lower
	 * case.
	 */
	static String normalized(String query) {
		return query == null ? "" : query.replaceAll("[\\s\\u3000]+", "").toLowerCase(Locale.ROOT);
	}

}
