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
import org.qinglian.platform.Exchange;
import org.qinglian.risk.RiskLibrary;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

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
						"%nrows %,d imported in %.1f s; full scan %.1f s (%d rules, %,d findings); peak heap during the scan %,d MB (max %,d MB)%n",
						imported.rowsRead(), imported.millis() / 1000.0, seconds, scan.rules(), scan.findings(),
						peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
			}
		}
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
