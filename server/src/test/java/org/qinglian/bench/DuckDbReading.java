package org.qinglian.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The risk rules read a second time, independently, for DuckDB over a bundle's CSV files
 * ({@code bench/duckdb-rules.sql}), timed, and compared finding for finding with the
 * platform's {@code findings.csv} of the same bundle: rule, subject, region, amount and
 * the set of records. Run by {@code bench/duckdb.sh}; exits 1 when the two readings
 * disagree.
 */
public final class DuckDbReading {

	private DuckDbReading() {
	}

	public static void main(String[] args) throws Exception {
		long started = System.nanoTime();
		Path bundle = Path.of(args[0]).toAbsolutePath();
		Path platformFindings = args.length > 1 ? Path.of(args[1]) : null;
		String manifest = Files.readString(bundle.resolve("manifest.json"));
		boolean received = "1.1".equals(field(manifest, "version"));
		Map<String, String> values = new LinkedHashMap<>();
		values.put("bundle", bundle.toString());
		values.put("period_from", field(manifest, "from"));
		values.put("period_to", field(manifest, "to"));
		// the registries' record ids: their own in version 1.1; in version 1 a death is
		// its person, the others are named by what identifies them
		Map<String, String> ids = received
				? Map.of("deaths", "record_id", "vehicles", "record_id", "properties", "record_id", "employees",
						"record_id")
				: Map.of("deaths", "person_id", "vehicles", "person_id || '|' || plate", "properties",
						"person_id || '|' || address", "employees",
						"person_id || '|' || employer || '|' || start_date");
		for (var e : ids.entrySet()) {
			String cols = received ? "record_id, person_id, id_number, name, birth_date" : e.getValue()
					+ " as record_id, person_id, cast(null as varchar) as id_number, cast(null as varchar) as name, cast(null as varchar) as birth_date";
			values.put(e.getKey() + "_cols", cols);
		}
		values.put("death_record_id", "d." + ids.get("deaths").replace("person_id", "person_id"));
		values.put("vehicle_record_id", prefix("v", ids.get("vehicles")));
		values.put("employee_record_id", prefix("e", ids.get("employees")));
		values.put("property_record_id", prefix("p", ids.get("properties")));
		String sql;
		try (InputStream in = DuckDbReading.class.getResourceAsStream("/bench/duckdb-rules.sql")) {
			sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		for (var e : values.entrySet()) {
			sql = sql.replace("${" + e.getKey() + "}", e.getValue());
		}
		String[] sections = sql.split("(?m)^-- rule: ");
		Map<String, List<String>> found = new TreeMap<>();
		long loadNanos;
		long setupNanos;
		long rulesNanos = 0;
		Map<String, Long> perRule = new LinkedHashMap<>();
		try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
			String[] setup = sections[0].split("(?m)^-- setup:.*$", 2);
			long t0 = System.nanoTime();
			for (String s : statements(setup[0])) {
				st.execute(s);
			}
			long t1 = System.nanoTime();
			for (String s : statements(setup[1])) {
				st.execute(s);
			}
			long t2 = System.nanoTime();
			loadNanos = t1 - t0;
			setupNanos = t2 - t1;
			for (int i = 1; i < sections.length; i++) {
				String code = sections[i].substring(0, sections[i].indexOf('\n')).strip();
				String query = sections[i].substring(sections[i].indexOf('\n') + 1).strip();
				query = query.endsWith(";") ? query.substring(0, query.length() - 1) : query;
				long r0 = System.nanoTime();
				List<String> rows = new ArrayList<>();
				try (ResultSet rs = st.executeQuery(query)) {
					while (rs.next()) {
						rows.add(finding(code, rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getArray(4)));
					}
				}
				long took = System.nanoTime() - r0;
				rulesNanos += took;
				perRule.put(code, took / 1_000_000);
				found.put(code, rows);
			}
		}
		long total = System.nanoTime() - started;
		System.out.printf(
				"duckdb: load %.2f s, identities and kin %.2f s, rules %.2f s (load + identities + rules %.2f s); "
						+ "in this JVM %.2f s%n",
				loadNanos / 1e9, setupNanos / 1e9, rulesNanos / 1e9, (loadNanos + setupNanos + rulesNanos) / 1e9,
				total / 1e9);
		System.out.println("duckdb per rule (ms): " + perRule);
		if (platformFindings == null) {
			return;
		}
		Map<String, TreeSet<String>> platform = new TreeMap<>();
		try (Reader r = Files.newBufferedReader(platformFindings, StandardCharsets.UTF_8)) {
			for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
				String amount = rec.get("amount");
				platform.computeIfAbsent(rec.get("rule_code"), k -> new TreeSet<>())
					.add(finding(rec.get("rule_code"), text(rec.get("subject_id")), rec.get("region_code"),
							amount.isEmpty() ? null : new BigDecimal(amount), rec.get("records").split(";")));
			}
		}
		int agree = 0;
		int disagree = 0;
		for (String code : new TreeSet<>(union(found.keySet(), platform.keySet()))) {
			TreeSet<String> mine = new TreeSet<>(found.getOrDefault(code, List.of()));
			TreeSet<String> theirs = platform.getOrDefault(code, new TreeSet<>());
			TreeSet<String> onlyDuck = new TreeSet<>(mine);
			onlyDuck.removeAll(theirs);
			TreeSet<String> onlyPlatform = new TreeSet<>(theirs);
			onlyPlatform.removeAll(mine);
			int same = mine.size() - onlyDuck.size();
			agree += same;
			disagree += onlyDuck.size() + onlyPlatform.size();
			System.out.printf("%-28s platform %5d, duckdb %5d, the same %5d%s%n", code, theirs.size(), mine.size(),
					same, onlyDuck.isEmpty() && onlyPlatform.isEmpty() ? "" : "  <- DISAGREE");
			onlyDuck.stream().limit(3).forEach(f -> System.out.println("    only duckdb:   " + f));
			onlyPlatform.stream().limit(3).forEach(f -> System.out.println("    only platform: " + f));
		}
		System.out.printf("findings: %d the same, %d different%n", agree, disagree);
		if (disagree > 0) {
			System.exit(1);
		}
	}

	private static String finding(String rule, String subject, String region, BigDecimal amount, Array records)
			throws java.sql.SQLException {
		Object[] items = (Object[]) records.getArray();
		return finding(rule, subject, region, amount, Arrays.stream(items).map(String::valueOf).toArray(String[]::new));
	}

	private static String finding(String rule, String subject, String region, BigDecimal amount, String[] records) {
		String money = amount == null ? "" : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
		return rule + " | " + text(subject) + " | " + region + " | " + money + " | "
				+ String.join(";", new TreeSet<>(Arrays.asList(records)));
	}

	private static String text(String s) {
		return s == null ? "" : s;
	}

	private static <T> java.util.Set<T> union(java.util.Set<T> a, java.util.Set<T> b) {
		java.util.Set<T> u = new java.util.HashSet<>(a);
		u.addAll(b);
		return u;
	}

	private static String prefix(String alias, String expression) {
		return expression.replaceAll("\\b(record_id|person_id|plate|address|employer|start_date)\\b", alias + ".$1");
	}

	private static List<String> statements(String script) {
		List<String> out = new ArrayList<>();
		for (String s : script.split(";\\s*(\\n|$)")) {
			String body = s.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (x, y) -> x + "\n" + y).strip();
			if (!body.isEmpty()) {
				out.add(body);
			}
		}
		return out;
	}

	private static String field(String json, String name) throws IOException {
		Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}\\s]*)").matcher(json);
		if (!m.find()) {
			throw new IOException("manifest.json has no " + name);
		}
		return m.group(1);
	}

}
