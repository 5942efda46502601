package org.qinglian.province;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Many counties' QDX bundles (version 1 or 1.1, folders) as Spark's views
 * {@code raw_<file>}: each file's rows of every bundle as text, with the bundle's county,
 * the columns the rules read (a column a version has not, empty). One data period for
 * all, and one county per bundle.
 */
final class Bundles {

	/** The registries, whose rows version 1.1 gives as other departments record them. */
	static final List<String> REGISTRIES = List.of("deaths", "vehicles", "properties", "public_employees");

	/** The columns of a registry that version 1 has not. */
	static final List<String> RECEIVED_ONLY = List.of("record_id", "id_number", "name", "birth_date");

	/**
	 * The files the rules read, with their columns (version 1.1's registries' included).
	 */
	static final Map<String, List<String>> FILES = files();

	private final List<String> counties;

	private final String periodFrom;

	private final String periodTo;

	private Bundles(List<String> counties, String periodFrom, String periodTo) {
		this.counties = counties;
		this.periodFrom = periodFrom;
		this.periodTo = periodTo;
	}

	List<String> counties() {
		return counties;
	}

	String periodFrom() {
		return periodFrom;
	}

	String periodTo() {
		return periodTo;
	}

	static Bundles read(SparkSession spark, List<Path> folders) {
		ObjectMapper json = new ObjectMapper();
		Map<String, Path> byCounty = new TreeMap<>();
		Map<String, String> versions = new TreeMap<>();
		String from = null;
		String to = null;
		Path first = null;
		for (Path folder : folders) {
			// a path Spark names as it is (no encoding, no pattern), so that each row's
			// county is told by it
			if (!folder.toAbsolutePath().normalize().toString().matches("[A-Za-z0-9._/-]+")) {
				throw new BadBundle(
						folder + ": a bundle's folder path may hold letters a-z, digits, '.', '_', '-' and '/'"
								+ " only (Spark names files by their path)");
			}
			JsonNode m;
			try {
				m = json.readTree(Files.readString(folder.resolve("manifest.json")));
			}
			catch (IOException ex) {
				throw new BadBundle(folder + "/manifest.json cannot be read: " + ex.getMessage());
			}
			String format = m.path("format").asText();
			String version = m.path("version").asText();
			String county = m.path("county_code").asText();
			if (!"qdx".equals(format) || !(version.equals("1") || version.startsWith("1."))) {
				throw new BadBundle(folder + "/manifest.json: not a QDX bundle of version 1 (format " + format
						+ ", version " + version + ")");
			}
			if (!county.matches("\\d{6}")) {
				throw new BadBundle(folder + "/manifest.json: county_code " + county + " is not six digits");
			}
			versions.put(county, version);
			Path other = byCounty.put(county, folder);
			if (other != null) {
				throw new BadBundle(folder + " and " + other + " are both of county " + county);
			}
			String f = m.path("period").path("from").asText();
			String t = m.path("period").path("to").asText();
			try {
				if (LocalDate.parse(f).isAfter(LocalDate.parse(t))) {
					throw new BadBundle(
							folder + "/manifest.json: the period " + f + "~" + t + " ends before it starts");
				}
			}
			catch (DateTimeParseException ex) {
				throw new BadBundle(
						folder + "/manifest.json: the period " + f + "~" + t + " is not two days (YYYY-MM-DD)");
			}
			if (from == null) {
				from = f;
				to = t;
				first = folder;
			}
			else if (!from.equals(f) || !to.equals(t)) {
				throw new BadBundle("one scan covers one data period: " + first + " covers " + from + "~" + to + ", "
						+ folder + " " + f + "~" + t);
			}
		}
		// one read of a file for all the counties whose file has the same header (not one
		// a county: a
		// province's plans would grow with its counties); each row's county from the
		// folder it is in
		Map<String, String> countyOfFolder = new LinkedHashMap<>();
		byCounty.forEach((county, folder) -> countyOfFolder.put(folderKey(folder), county));
		for (var file : FILES.entrySet()) {
			Map<List<String>, List<Path>> byHeader = new LinkedHashMap<>();
			for (var county : byCounty.entrySet()) {
				Path csv = county.getValue().resolve(file.getKey() + ".csv");
				List<String> header = header(csv);
				check(csv, header, versions.get(county.getKey()), file.getKey(), file.getValue());
				byHeader.computeIfAbsent(header, h -> new ArrayList<>()).add(csv);
			}
			Dataset<Row> all = null;
			for (var group : byHeader.entrySet()) {
				Dataset<Row> rows = file(spark, group.getValue(), group.getKey(), countyOfFolder, file.getValue());
				all = all == null ? rows : all.unionByName(rows);
			}
			all.createOrReplaceTempView("raw_" + file.getKey());
		}
		checkCounties(spark);
		checkRegions(spark);
		checkRecordIds(spark, versions);
		checkFlows(spark);
		return new Bundles(List.copyOf(byCounty.keySet()), from, to);
	}

	/**
	 * The key of a bundle's folder as Spark names the files in it ({@code file:/...}).
	 */
	private static String folderKey(Path folder) {
		return "file:" + folder.toAbsolutePath().normalize();
	}

	/** The columns of a CSV file's first line. */
	private static List<String> header(Path csv) {
		if (!Files.isRegularFile(csv)) {
			throw new BadBundle(csv + " is missing: a province scan reads whole bundles");
		}
		try (var in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
			String line = in.readLine();
			if (line != null && line.startsWith("\uFEFF")) {
				line = line.substring(1);
			}
			if (line == null) {
				throw new BadBundle(csv + " is empty (not even a header)");
			}
			List<String> columns = new ArrayList<>();
			for (String c : line.split(",", -1)) {
				columns.add(c.strip().replace("\"", ""));
			}
			return List.copyOf(columns);
		}
		catch (IOException ex) {
			throw new BadBundle(csv + " cannot be read: " + ex.getMessage());
		}
	}

	/**
	 * A file has every column the rules read of it (in version 1, a registry has not the
	 * received ones).
	 */
	private static void check(Path csv, List<String> header, String version, String name, List<String> columns) {
		for (String c : columns) {
			if (!header.contains(c)
					&& (received(version) || !REGISTRIES.contains(name) || !RECEIVED_ONLY.contains(c))) {
				throw new BadBundle(csv + " has no column " + c + " (its header: " + String.join(",", header) + ")");
			}
		}
	}

	private static Dataset<Row> file(SparkSession spark, List<Path> files, List<String> header,
			Map<String, String> countyOfFolder, List<String> columns) {
		Dataset<Row> raw = spark.read()
			.option("header", "true")
			.option("escape", "\"")
			.option("multiLine", "true")
			.option("mode", "FAILFAST")
			.csv(files.stream().map(f -> f.toAbsolutePath().normalize().toString()).toArray(String[]::new));
		List<Column> counties = new ArrayList<>();
		countyOfFolder.forEach((folder, county) -> {
			counties.add(functions.lit(folder));
			counties.add(functions.lit(county));
		});
		Column folder = functions.regexp_extract(functions.col("_metadata.file_path"), "^(.*)/[^/]*$", 1);
		List<Column> select = new ArrayList<>();
		select.add(functions.element_at(functions.map(counties.toArray(Column[]::new)), folder).as("county"));
		for (String c : columns) {
			// a column the version has not (checked above): empty
			select.add(header.contains(c) ? raw.col("`" + c + "`") : functions.lit(null).cast("string").as(c));
		}
		return raw.select(select.toArray(Column[]::new));
	}

	private static boolean received(String version) {
		return !version.equals("1") && !version.equals("1.0");
	}

	/** Every region of a bundle is of its county, and named once. */
	private static void checkRegions(SparkSession spark) {
		for (String file : List.of("regions", "persons", "positions", "organizations", "contracts", "vouchers",
				"projects", "reference_prices", "assets", "subsidies", "power_exercises")) {
			List<Row> outside = spark
				.sql("select county, region_code from raw_" + file
						+ " where county is null or region_code is null or left(region_code, 6) <> county limit 1")
				.collectAsList();
			if (!outside.isEmpty()) {
				throw new BadBundle(file + ".csv of county " + outside.get(0).getString(0) + ": the region "
						+ outside.get(0).getString(1) + " is not of the county");
			}
		}
		List<Row> twice = spark
			.sql("select county, region_code from raw_regions group by county, region_code having count(*) > 1 limit 1")
			.collectAsList();
		if (!twice.isEmpty()) {
			throw new BadBundle("regions.csv of county " + twice.get(0).getString(0) + ": the region "
					+ twice.get(0).getString(1) + " is there twice");
		}
	}

	/**
	 * A registry as received (version 1.1) names each of its rows by a record id of its
	 * own.
	 */
	private static void checkRecordIds(SparkSession spark, Map<String, String> versions) {
		for (String file : REGISTRIES) {
			for (Row r : spark
				.sql("select county, count(*) from raw_" + file
						+ " where record_id is null group by county order by county")
				.collectAsList()) {
				String version = versions.get(r.getString(0));
				if (received(version)) {
					throw new BadBundle(file + ".csv of county " + r.getString(0) + ": " + r.getLong(1)
							+ " rows have no record_id (version " + version + ")");
				}
			}
		}
	}

	/**
	 * A power item's flow must be the same in every county of a scan that has the item
	 * (the rules read one flow per item): the same steps, each with the same name,
	 * predecessors, minimum days and marks.
	 */
	private static void checkFlows(SparkSession spark) {
		List<Row> twice = spark.sql("""
				select county, item_code, step_code from raw_power_steps group by county, item_code, step_code
				having count(*) > 1 order by county, item_code, step_code limit 1""").collectAsList();
		if (!twice.isEmpty()) {
			throw new BadBundle("power_steps.csv of county " + twice.get(0).getString(0) + ": the step "
					+ twice.get(0).getString(1) + "/" + twice.get(0).getString(2) + " is there twice");
		}
		// a use of power follows its own county's flow: an item whose flow the county has
		// not is refused,
		// not read by another county's flow
		List<Row> without = spark.sql("""
				select e.county, e.item_code from raw_power_exercises e
				left anti join (select distinct county, item_code from raw_power_steps) s
				  on s.county = e.county and s.item_code = e.item_code
				order by e.county, e.item_code limit 1""").collectAsList();
		if (!without.isEmpty()) {
			throw new BadBundle("power_exercises.csv of county " + without.get(0).getString(0) + ": the power item "
					+ without.get(0).getString(1) + " has no flow in its power_steps.csv");
		}
		List<Row> differing = spark.sql("""
				select item_code, array_join(array_sort(collect_list(county)), ', ') as counties from (
				  select county, item_code, array_sort(collect_list(struct(step_code, name, after,
				    try_cast(min_days as int) as min_days, min_days as min_days_text, lower(disclosure) as disclosure,
				    lower(optional) as optional))) as flow
				  from raw_power_steps group by county, item_code) f
				group by item_code having count(distinct flow) > 1 order by item_code limit 1""").collectAsList();
		if (!differing.isEmpty()) {
			throw new BadBundle("power_steps.csv: the flow of the power item " + differing.get(0).getString(0)
					+ " differs between counties " + differing.get(0).getString(1)
					+ "; one scan reads one flow per power item");
		}
	}

	/**
	 * Every row of every file is of a bundle (a folder the scan can tell by its path).
	 */
	private static void checkCounties(SparkSession spark) {
		for (String file : FILES.keySet()) {
			List<Row> lost = spark.sql("select 1 from raw_" + file + " where county is null limit 1").collectAsList();
			if (!lost.isEmpty()) {
				throw new BadBundle(file + ".csv: rows whose bundle the scan cannot tell from their folder's path");
			}
		}
	}

	private static Map<String, List<String>> files() {
		Map<String, List<String>> f = new LinkedHashMap<>();
		f.put("regions", List.of("region_code", "name", "level", "parent_code", "cashless_since"));
		f.put("persons", List.of("person_id", "id_number", "name", "birth_date", "household_id", "region_code"));
		f.put("positions", List.of("person_id", "region_code", "role", "start_date", "end_date"));
		f.put("kin", List.of("person_id", "relative_id", "relation"));
		f.put("organizations", List.of("org_id", "name", "legal_rep_id", "region_code", "registered_on"));
		f.put("org_people", List.of("org_id", "person_id", "role"));
		f.put("contracts", List.of("contract_id", "region_code", "kind", "asset_id", "counterparty_id", "signed_on",
				"start_on", "end_on", "amount", "annual_rent", "award_method", "exercise_id"));
		f.put("vouchers",
				List.of("voucher_id", "region_code", "booked_on", "direction", "amount", "method", "counterparty_id",
						"category", "invoice_no", "approver_ids", "project_id", "exercise_id", "disclosed_on"));
		f.put("projects",
				List.of("project_id", "region_code", "name", "budget", "contract_id", "contractor_id", "started_on"));
		f.put("project_items", List.of("project_id", "line_no", "work_code", "description", "quantity", "unit_price"));
		f.put("reference_prices", List.of("work_code", "period", "price", "region_code"));
		f.put("assets", List.of("asset_id", "region_code", "kind", "name", "area"));
		f.put("subsidies",
				List.of("payment_id", "program", "recipient_id", "region_code", "period", "amount", "paid_on"));
		f.put("power_exercises", List.of("exercise_id", "item_code", "region_code", "title", "initiator_id", "amount",
				"started_on", "status"));
		f.put("exercise_events", List.of("exercise_id", "step_code", "occurred_on"));
		f.put("power_steps", List.of("item_code", "step_code", "name", "after", "min_days", "disclosure", "optional"));
		f.put("deaths", List.of("record_id", "person_id", "id_number", "name", "birth_date", "death_date"));
		f.put("vehicles", List.of("record_id", "person_id", "id_number", "name", "birth_date", "plate", "registered_on",
				"value"));
		f.put("properties", List.of("record_id", "person_id", "id_number", "name", "birth_date", "address", "area",
				"registered_on"));
		f.put("public_employees", List.of("record_id", "person_id", "id_number", "name", "birth_date", "employer",
				"start_date", "end_date"));
		return f;
	}

	/** A bundle the scan cannot read, and why. */
	static final class BadBundle extends RuntimeException {

		BadBundle(String message) {
			super(message);
		}

	}

}
