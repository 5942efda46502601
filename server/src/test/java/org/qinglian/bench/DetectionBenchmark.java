package org.qinglian.bench;

import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.qinglian.QinglianApplication;
import org.qinglian.assets.ReceivedRegistries;
import org.qinglian.platform.Exchange;
import org.qinglian.risk.RiskLibrary;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a labelled bundle into a fresh database, scans it, and scores the findings
 * against the labels as the spec's Labels section says: a finding matches a scheme when
 * it names at least one of the scheme's records, or its subject in the same region and
 * kind. Prints per scheme: labelled, found, missed, unmatched findings; then recall and
 * precision. Run by {@code bench/detection.sh}.
 */
public final class DetectionBenchmark {

	record Label(String id, String scheme, String subject, String region, Set<String> records) {
	}

	record Finding(String scheme, String subject, String region, Set<String> records, String explanation) {
	}

	public static void main(String[] args) throws Exception {
		Path bundle = Path.of(args[0]);
		boolean verbose = args.length > 1 && args[1].equals("-v");
		Path data = Files.createTempDirectory("qinglian-detect");
		{
			var context = new SpringApplicationBuilder(QinglianApplication.class).web(WebApplicationType.NONE)
				.properties("qinglian.db.data-dir=" + data.resolve("pg"), "qinglian.keys.dir=" + data.resolve("keys"),
						"qinglian.audit.checkpoint-dir=" + data.resolve("audit"), "logging.level.root=WARN",
						"logging.level.org.qinglian.risk.internal=DEBUG", "qinglian.demo.load-on-first-start=false",
						"qinglian.risk.scan-after-import=false")
				.run();
			try (context) {
				Exchange exchange = context.getBean(Exchange.class);
				RiskLibrary library = context.getBean(RiskLibrary.class);
				Exchange.ImportReport imported = exchange.importBundle(bundle, Exchange.Progress.NONE);
				System.gc();
				for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
					pool.resetPeakUsage();
				}
				// the registries as received are tied to persons once, when they or the
				// persons
				// changed: timed apart from the scan that reads the ties
				long tying = System.nanoTime();
				context.getBean(ReceivedRegistries.class).tie();
				double tieSeconds = (System.nanoTime() - tying) / 1e9;
				long t0 = System.nanoTime();
				RiskLibrary.ScanReport scan = library.scan(RiskLibrary.ScanProgress.NONE);
				double seconds = (System.nanoTime() - t0) / 1e9;
				long peak = ManagementFactory.getMemoryPoolMXBeans()
					.stream()
					.filter(p -> p.getType() == MemoryType.HEAP)
					.mapToLong(p -> p.getPeakUsage().getUsed())
					.sum();
				StringWriter csv = new StringWriter();
				library.writeFindings(csv);
				List<Finding> findings = new ArrayList<>();
				for (CSVRecord r : CSVFormat.DEFAULT.builder()
					.setHeader()
					.setSkipHeaderRecord(true)
					.get()
					.parse(new StringReader(csv.toString()))) {
					findings.add(new Finding(r.get("scheme"), r.get("subject_id"), r.get("region_code"),
							new HashSet<>(List.of(r.get("records").split(";"))), r.get("explanation")));
				}
				score(labels(bundle), findings, verbose);
				System.out.printf(
						"%nrows %,d imported in %.1f s; registries as received tied in %.1f s; full scan %.1f s (%d rules, %,d findings); peak heap during the scan %,d MB (max %,d MB)%n",
						imported.rowsRead(), imported.millis() / 1000.0, tieSeconds, seconds, scan.rules(),
						scan.findings(), peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
				asVersionOne(context, library);
			}
		}
	}

	/**
	 * The same county in version 1, in the same run: the registries as received replaced
	 * by the version-1 rows their ties stand for (each tied row with its person's id),
	 * then scanned again and the two scans compared.
	 */
	static void asVersionOne(ConfigurableApplicationContext context, RiskLibrary library) {
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		Integer received = jdbc.queryForObject("select count(*) from ast_death_received", Integer.class);
		if (received == null || received == 0) {
			return;
		}
		// both measured as a rescan, the findings in place and the JIT warm
		double asReceived = timedScan(library);
		new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).executeWithoutResult(t -> {
			jdbc.update("""
					insert into ast_death (person_id, death_date)
					select person_id, min(death_date) from ast_death_evidence group by person_id""");
			jdbc.update(
					"""
							insert into ast_vehicle (person_id, plate, registered_on, value)
							select distinct on (person_id, plate) person_id, plate, registered_on, value from ast_vehicle_evidence""");
			jdbc.update("""
					insert into ast_property (person_id, address, area, registered_on)
					select distinct on (person_id, address) person_id, address, area, registered_on
					from ast_property_evidence""");
			jdbc.update("""
					insert into ast_public_employee (person_id, employer, start_date, end_date)
					select distinct on (person_id, employer, start_date) person_id, employer, start_date, end_date
					from ast_public_employee_evidence""");
			for (String table : List.of("ast_death_received", "ast_vehicle_received", "ast_property_received",
					"ast_public_employee_received")) {
				jdbc.update("delete from " + table);
			}
			jdbc.update("analyze");
		});
		context.getBean(ReceivedRegistries.class).tie();
		library.scanAll(RiskLibrary.ScanProgress.NONE);
		double versionOne = timedScan(library);
		System.out.printf(
				"rescans in the same run: as received %.2f s; the same county in version 1 (its ties"
						+ " written as person_id) %.2f s; %+.0f %%%n",
				asReceived, versionOne, (asReceived / versionOne - 1) * 100);
	}

	/** Every rule over all data again (a scan would run none: nothing changed). */
	static double timedScan(RiskLibrary library) {
		long t0 = System.nanoTime();
		library.scanAll(RiskLibrary.ScanProgress.NONE);
		return (System.nanoTime() - t0) / 1e9;
	}

	static List<Label> labels(Path bundle) throws Exception {
		Map<String, Set<String>> records = new HashMap<>();
		try (var r = new InputStreamReader(Files.newInputStream(bundle.resolve("labels/scheme_records.csv")),
				StandardCharsets.UTF_8)) {
			for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
				records.computeIfAbsent(rec.get("scheme_id"), k -> new HashSet<>())
					.add(rec.get("file") + ":" + rec.get("record_id"));
			}
		}
		List<Label> labels = new ArrayList<>();
		try (var r = new InputStreamReader(Files.newInputStream(bundle.resolve("labels/schemes.csv")),
				StandardCharsets.UTF_8)) {
			for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
				labels.add(new Label(rec.get("scheme_id"), rec.get("scheme"), rec.get("subject_id"),
						rec.get("region_code"), records.getOrDefault(rec.get("scheme_id"), Set.of())));
			}
		}
		return labels;
	}

	static boolean matches(Finding f, Label l) {
		if (!f.scheme().equals(l.scheme())) {
			return false;
		}
		for (String r : f.records()) {
			if (l.records().contains(r)) {
				return true;
			}
		}
		return !f.subject().isEmpty() && f.subject().equals(l.subject()) && f.region().equals(l.region());
	}

	static void score(List<Label> labels, List<Finding> findings, boolean verbose) {
		Set<String> schemes = new TreeSet<>();
		labels.forEach(l -> schemes.add(l.scheme()));
		findings.forEach(f -> schemes.add(f.scheme()));
		Map<String, int[]> table = new TreeMap<>();
		int labelled = 0;
		int found = 0;
		int matched = 0;
		System.out.printf("%-22s %8s %6s %7s %10s %7s %9s%n", "scheme", "labelled", "found", "missed", "unmatched",
				"recall", "precision");
		for (String scheme : schemes) {
			List<Label> ls = labels.stream().filter(l -> l.scheme().equals(scheme)).toList();
			List<Finding> fs = findings.stream().filter(f -> f.scheme().equals(scheme)).toList();
			int hit = 0;
			for (Label l : ls) {
				if (fs.stream().anyMatch(f -> matches(f, l))) {
					hit++;
				}
				else if (verbose) {
					System.out.println("  MISSED " + l);
				}
			}
			int good = 0;
			for (Finding f : fs) {
				if (ls.stream().anyMatch(l -> matches(f, l))) {
					good++;
				}
				else if (verbose) {
					System.out.println("  UNMATCHED " + f);
				}
			}
			labelled += ls.size();
			found += hit;
			matched += good;
			table.put(scheme, new int[] { ls.size(), hit, ls.size() - hit, fs.size() - good });
			System.out.printf("%-22s %8d %6d %7d %10d %7.3f %9.3f%n", scheme, ls.size(), hit, ls.size() - hit,
					fs.size() - good, ls.isEmpty() ? 1.0 : (double) hit / ls.size(),
					fs.isEmpty() ? 1.0 : (double) good / fs.size());
		}
		System.out.printf("%-22s %8d %6d %7d %10d %7.3f %9.3f%n", "overall", labelled, found, labelled - found,
				findings.size() - matched, labelled == 0 ? 1.0 : (double) found / labelled,
				findings.isEmpty() ? 1.0 : (double) matched / findings.size());
	}

}
