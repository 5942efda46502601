package org.qinglian.province;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.qinglian.risk.book.Csv;
import org.qinglian.risk.book.Finding;
import org.qinglian.risk.book.Rule;
import org.qinglian.risk.book.RuleBook;

/**
 * The province scan: every rule of the rule book, on Apache Spark SQL, over many
 * counties' QDX bundles at once, each county read as the platform reads it on its own;
 * writes the exchange spec's {@code findings.csv}, the same findings the platform's
 * {@code scan} writes for each county.
 * <p>
 * {@code java -jar province/target/qinglian-province.jar --out FILE BUNDLE...} runs it in
 * this JVM ({@code local[*]}); {@code spark-submit --master spark://HOST:7077 ...} on a
 * cluster. Options: {@code --master URL} (when not set by spark-submit),
 * {@code --set RULE.SETTING=VALUE} (a setting other than the spec's default),
 * {@code --today YYYY-MM-DD} (the day the rules judge "not yet disclosed" by).
 */
public final class ProvinceScan {

	/** The tables the rules read, as inputs.sql and registries.sql define them. */
	static final List<String> CACHED = List.of("jur_region", "jur_person", "jur_position", "jur_organization",
			"jur_org_person", "ast_contract", "ast_voucher", "ast_project", "ast_project_item", "ast_reference_price",
			"ast_asset", "ast_subsidy", "pow_exercise", "pow_exercise_event", "pow_step", "risk_near_kin",
			"ast_death_evidence", "ast_vehicle_evidence", "ast_property_evidence", "ast_public_employee_evidence");

	private final SparkSession spark;

	private final Map<String, Map<String, BigDecimal>> settings;

	private final LocalDate today;

	ProvinceScan(SparkSession spark, Map<String, Map<String, BigDecimal>> settings, LocalDate today) {
		this.spark = spark;
		this.settings = settings;
		this.today = today;
	}

	public static void main(String[] args) {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("province-scan: " + ex.getMessage());
			System.err.println("usage: java -jar qinglian-province.jar --out FILE [--master URL] "
					+ "[--set RULE.SETTING=VALUE]... [--today YYYY-MM-DD] BUNDLE...");
			System.exit(2);
			return;
		}
		SparkSession.Builder builder = SparkSession.builder().appName("qinglian-province-scan");
		if (options.master() != null) {
			builder.master(options.master());
		}
		else if (!new org.apache.spark.SparkConf().contains("spark.master")) {
			// in this JVM: as many shuffle partitions as the machine runs at once, not a
			// cluster's 200
			builder.master("local[*]")
				.config("spark.ui.enabled", "false")
				.config("spark.sql.shuffle.partitions", String.valueOf(2 * Runtime.getRuntime().availableProcessors()));
		}
		SparkSession spark = builder.config("spark.sql.session.timeZone", "UTC").getOrCreate();
		spark.sparkContext().setLogLevel("WARN");
		int code = 0;
		try {
			long started = System.nanoTime();
			ProvinceScan scan = new ProvinceScan(spark, options.settings(), options.today());
			Bundles bundles = Bundles.read(spark, options.bundles());
			long read = System.nanoTime();
			Map<String, List<Finding>> found = scan.scan(bundles);
			long ran = System.nanoTime();
			long n = write(found, options.out());
			System.out.printf("province-scan: %d counties, %d findings in %.2f s (bundles read %.2f s, rules %.2f s)%n",
					bundles.counties().size(), n, (ran - started) / 1e9, (read - started) / 1e9, (ran - read) / 1e9);
		}
		catch (Bundles.BadBundle ex) {
			System.err.println("province-scan: " + ex.getMessage());
			code = 1;
		}
		catch (RuntimeException ex) {
			// a value Spark cannot read (a date, a number), or the cluster failing: its
			// first line, nothing written
			String message = String.valueOf(ex.getMessage());
			System.err.println("province-scan: " + message.lines().findFirst().orElse(ex.toString()));
			code = 1;
		}
		finally {
			spark.stop();
		}
		System.exit(code);
	}

	/**
	 * Every rule over the bundles' counties.
	 * @param bundles the bundles, read
	 * @return each rule's findings
	 */
	Map<String, List<Finding>> scan(Bundles bundles) {
		define("spark-functions.sql");
		define("inputs.sql");
		define("registries.sql");
		// each table read once from the files, then from memory (spilled to disk when it
		// does not fit)
		for (String table : CACHED) {
			spark.sql("cache table " + table);
		}
		Map<String, List<Finding>> found = new LinkedHashMap<>();
		for (Rule rule : RuleBook.all()) {
			Map<String, Object> params = new LinkedHashMap<>();
			params.put("period_from", bundles.periodFrom());
			params.put("period_to", bundles.periodTo());
			params.put("today", today.toString());
			params.put("county", "");
			for (Rule.Setting s : rule.settings()) {
				params.put(s.key(),
						settings.getOrDefault(rule.code(), Map.of()).getOrDefault(s.key(), s.defaultValue()));
			}
			Dataset<Row> rows = spark.sql(rule.sql(), params);
			List<Finding> findings = new ArrayList<>();
			for (Row row : rows.collectAsList()) {
				findings.add(finding(rule, row));
			}
			findings.sort(Comparator.comparing(Finding::id)
				.thenComparing(Finding::regionCode, Comparator.nullsFirst(Comparator.naturalOrder()))
				.thenComparing(Finding::records, Comparator.nullsFirst(Comparator.naturalOrder())));
			found.put(rule.code(), findings);
		}
		return found;
	}

	private static Finding finding(Rule rule, Row row) {
		List<String> facts = new ArrayList<>();
		for (int i = 0;; i++) {
			int at = index(row, "f" + i);
			if (at < 0) {
				break;
			}
			facts.add(Qualified.strip(row.isNullAt(at) ? null : row.get(at).toString()));
		}
		List<String> records = new ArrayList<>();
		int r = row.fieldIndex("records");
		if (!row.isNullAt(r)) {
			for (Object o : row.getList(r)) {
				records.add(o == null ? null : Qualified.strip(o.toString()));
			}
		}
		Object amount = row.getAs("amount");
		return Finding.of(rule, Qualified.strip(row.getAs("key")), Qualified.strip(row.getAs("subject_id")),
				row.getAs("region_code"), row.getAs("period"),
				amount == null ? null : new BigDecimal(amount.toString()), records, facts);
	}

	private static int index(Row row, String name) {
		String[] names = row.schema().fieldNames();
		for (int i = 0; i < names.length; i++) {
			if (names[i].equals(name)) {
				return i;
			}
		}
		return -1;
	}

	private void define(String script) {
		String sql;
		try (InputStream in = ProvinceScan.class.getResourceAsStream(script)) {
			sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		for (String statement : statements(sql)) {
			spark.sql(statement);
		}
	}

	/** The statements of a script: split at a {@code ;} that ends a line. */
	static List<String> statements(String script) {
		List<String> out = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : script.split("\n")) {
			if (line.strip().startsWith("--")) {
				continue;
			}
			current.append(line).append('\n');
			if (line.stripTrailing().endsWith(";")) {
				String s = current.toString().strip();
				out.add(s.substring(0, s.length() - 1));
				current.setLength(0);
			}
		}
		if (!current.toString().isBlank()) {
			out.add(current.toString().strip());
		}
		return out;
	}

	/**
	 * Writes the findings as the spec's {@code findings.csv}, by rule and id as the
	 * platform writes them.
	 */
	static long write(Map<String, List<Finding>> found, Path out) {
		TreeMap<String, List<Finding>> byRule = new TreeMap<>(found);
		long n = 0;
		// written beside it first: a run that fails leaves the file of the last run
		// whole, or none
		Path dir = out.toAbsolutePath().getParent();
		Path part;
		try {
			part = Files.createTempFile(dir, out.getFileName().toString(), ".part");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			try (Writer w = new BufferedWriter(Files.newBufferedWriter(part, StandardCharsets.UTF_8))) {
				w.write(Csv.FINDINGS_HEADER);
				w.write('\n');
				for (var e : byRule.entrySet()) {
					Rule rule = RuleBook.all()
						.stream()
						.filter(r -> r.code().equals(e.getKey()))
						.findFirst()
						.orElseThrow();
					for (Finding f : e.getValue()) {
						String[] cells = { f.id(), f.ruleCode(), rule.scheme(), f.subjectId(), f.regionCode(),
								f.period(), f.amount() == null ? null : f.amount().toPlainString(), f.records(),
								f.explanation() };
						for (int i = 0; i < cells.length; i++) {
							if (i > 0) {
								w.write(',');
							}
							w.write(Csv.cell(cells[i]));
						}
						w.write('\n');
						n++;
					}
				}
			}
			Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			try {
				Files.deleteIfExists(part);
			}
			catch (IOException ex) {
				// nothing more to do: the part file is left
			}
		}
		return n;
	}

}
