package org.qinglian.province;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Many counties' QDX bundles (version 1 or 1.1, folders) as Spark's views
 * {@code raw_<file>}: each file's rows of every bundle as text, with the bundle's county,
 * the columns the rules read (a column a version has not, empty). One data period for
 * all, and one county per bundle.
 */
final class Bundles {

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
		String from = null;
		String to = null;
		Path first = null;
		for (Path folder : folders) {
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
			Path other = byCounty.put(county, folder);
			if (other != null) {
				throw new BadBundle(folder + " and " + other + " are both of county " + county);
			}
			String f = m.path("period").path("from").asText();
			String t = m.path("period").path("to").asText();
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
		for (var file : FILES.entrySet()) {
			Dataset<Row> all = null;
			for (var county : byCounty.entrySet()) {
				Dataset<Row> rows = file(spark, county.getValue(), county.getKey(), file.getKey(), file.getValue());
				all = all == null ? rows : all.unionByName(rows);
			}
			all.createOrReplaceTempView("raw_" + file.getKey());
		}
		checkFlows(spark);
		return new Bundles(List.copyOf(byCounty.keySet()), from, to);
	}

	private static Dataset<Row> file(SparkSession spark, Path bundle, String county, String name,
			List<String> columns) {
		Path csv = bundle.resolve(name + ".csv");
		List<Column> select = new ArrayList<>();
		select.add(functions.lit(county).as("county"));
		if (!Files.isRegularFile(csv)) {
			List<StructField> fields = new ArrayList<>();
			fields.add(DataTypes.createStructField("county", DataTypes.StringType, false));
			for (String c : columns) {
				fields.add(DataTypes.createStructField(c, DataTypes.StringType, true));
			}
			return spark.createDataFrame(List.of(), new StructType(fields.toArray(StructField[]::new)));
		}
		Dataset<Row> raw = spark.read()
			.option("header", "true")
			.option("escape", "\"")
			.option("mode", "FAILFAST")
			.csv(csv.toAbsolutePath().toString());
		List<String> present = List.of(raw.columns());
		for (String c : columns) {
			select.add(present.contains(c) ? raw.col("`" + c + "`") : functions.lit(null).cast("string").as(c));
		}
		return raw.select(select.toArray(Column[]::new));
	}

	/**
	 * A power item's flow must be the same in every county of a scan (the rules read
	 * one).
	 */
	private static void checkFlows(SparkSession spark) {
		List<Row> differing = spark.sql("""
				select item_code, step_code, count(*) as n from (select distinct item_code, step_code, name, after,
				  min_days, disclosure, optional from raw_power_steps) s
				group by item_code, step_code having count(*) > 1 order by item_code, step_code limit 3""")
			.collectAsList();
		if (!differing.isEmpty()) {
			Row r = differing.get(0);
			// the codes as parameters: they are a bundle's text
			Map<String, Object> step = new LinkedHashMap<>();
			step.put("item", String.valueOf(r.getString(0)));
			step.put("step", String.valueOf(r.getString(1)));
			List<Row> where = spark
				.sql("""
						select distinct county from raw_power_steps
						where coalesce(item_code, 'null') = :item and coalesce(step_code, 'null') = :step order by county""",
						step)
				.collectAsList();
			throw new BadBundle("power_steps.csv: the step " + r.getString(0) + "/" + r.getString(1)
					+ " differs between counties " + where.stream().map(x -> x.getString(0)).toList()
					+ "; one scan reads one flow per power item");
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
