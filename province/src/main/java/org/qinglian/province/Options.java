package org.qinglian.province;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qinglian.risk.book.Rule;
import org.qinglian.risk.book.RuleBook;

/**
 * The province scan's command line.
 *
 * @param out where findings.csv goes
 * @param master the Spark master, or null (spark-submit's, else {@code local[*]})
 * @param settings settings other than the spec's defaults, by rule and key
 * @param today the day the rules judge by
 * @param bundles the counties' bundles (folders)
 */
record Options(Path out, String master, Map<String, Map<String, BigDecimal>> settings, LocalDate today,
		List<Path> bundles) {

	static Options parse(String[] args) {
		Path out = null;
		String master = null;
		LocalDate today = LocalDate.now();
		Map<String, Map<String, BigDecimal>> settings = new LinkedHashMap<>();
		List<Path> bundles = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			String a = args[i];
			switch (a) {
				case "--out" -> out = Path.of(value(args, ++i, a));
				case "--master" -> master = value(args, ++i, a);
				case "--today" -> {
					String v = value(args, ++i, a);
					try {
						today = LocalDate.parse(v);
					}
					catch (DateTimeParseException ex) {
						throw new IllegalArgumentException("--today " + v + " is not a day (YYYY-MM-DD)");
					}
				}
				case "--set" -> setting(value(args, ++i, a), settings);
				default -> {
					if (a.startsWith("--")) {
						throw new IllegalArgumentException("unknown option " + a);
					}
					Path p = Path.of(a);
					if (!Files.isRegularFile(p.resolve("manifest.json"))) {
						throw new IllegalArgumentException(a + " is not a bundle folder (no manifest.json in it)");
					}
					bundles.add(p);
				}
			}
		}
		if (out == null) {
			throw new IllegalArgumentException("--out FILE is missing");
		}
		if (bundles.isEmpty()) {
			throw new IllegalArgumentException("no BUNDLE given");
		}
		return new Options(out, master, settings, today, bundles);
	}

	private static String value(String[] args, int i, String option) {
		if (i >= args.length) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return args[i];
	}

	private static void setting(String s, Map<String, Map<String, BigDecimal>> settings) {
		int dot = s.indexOf('.');
		int eq = s.indexOf('=');
		if (dot < 0 || eq < dot) {
			throw new IllegalArgumentException("--set " + s + " is not RULE.SETTING=VALUE");
		}
		String code = s.substring(0, dot);
		String key = s.substring(dot + 1, eq);
		Rule rule = RuleBook.all()
			.stream()
			.filter(r -> r.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("--set: no rule " + code));
		Rule.Setting setting = rule.settings()
			.stream()
			.filter(x -> x.key().equals(key))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("--set: the rule " + code + " has no setting " + key));
		BigDecimal v;
		try {
			v = new BigDecimal(s.substring(eq + 1));
			// 1E1 as 10: a setting is written out in explanations as the platform writes
			// it
			v = v.scale() < 0 ? v.setScale(0) : v;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--set " + s + ": " + s.substring(eq + 1) + " is not a number");
		}
		// a count of days, villages or properties is whole: the engines would round a
		// fraction differently
		if (rule.whole(key) && v.stripTrailingZeros().scale() > 0) {
			throw new IllegalArgumentException("--set " + s + ": " + code + "." + key + " is a whole number");
		}
		if (v.compareTo(setting.min()) < 0 || v.compareTo(setting.max()) > 0) {
			throw new IllegalArgumentException("--set " + s + ": " + code + "." + key + " must be from "
					+ setting.min().toPlainString() + " to " + setting.max().toPlainString());
		}
		settings.computeIfAbsent(code, k -> new LinkedHashMap<>()).put(key, v);
	}

}
