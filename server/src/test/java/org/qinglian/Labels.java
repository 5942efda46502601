package org.qinglian;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The labels of a benchmark bundle (spec: Labels) and the one way a finding matches a
 * labelled case: it names one of the case's records, or its subject in the same region,
 * for the same scheme.
 */
public final class Labels {

	private Labels() {
	}

	public static boolean matches(CSVRecord finding, CSVRecord scheme, Set<String> records) {
		if (!finding.get("scheme").equals(scheme.get("scheme"))) {
			return false;
		}
		for (String r : finding.get("records").split(";")) {
			if (records != null && records.contains(r)) {
				return true;
			}
		}
		return finding.get("subject_id").equals(scheme.get("subject_id"))
				&& finding.get("region_code").equals(scheme.get("region_code"));
	}

	/**
	 * The findings (as {@code scan} writes them) scored against the labels of a bundle:
	 * the labelled cases no finding names, and the findings of no labelled case.
	 */
	public static Score score(Path bundle, String findingsCsv) throws IOException {
		List<CSVRecord> findings = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(findingsCsv))
			.getRecords();
		Map<String, Set<String>> recordsOf = new HashMap<>();
		for (CSVRecord r : csv(bundle.resolve("labels/scheme_records.csv"))) {
			recordsOf.computeIfAbsent(r.get("scheme_id"), k -> new HashSet<>())
				.add(r.get("file") + ":" + r.get("record_id"));
		}
		List<CSVRecord> schemes = csv(bundle.resolve("labels/schemes.csv"));
		List<String> missed = new ArrayList<>();
		for (CSVRecord scheme : schemes) {
			if (findings.stream().noneMatch(f -> matches(f, scheme, recordsOf.get(scheme.get("scheme_id"))))) {
				missed.add(scheme.get("scheme") + " " + scheme.get("scheme_id") + " " + scheme.get("subject_id"));
			}
		}
		List<String> unlabelled = new ArrayList<>();
		for (CSVRecord f : findings) {
			if (schemes.stream().noneMatch(sc -> matches(f, sc, recordsOf.get(sc.get("scheme_id"))))) {
				unlabelled.add(f.get("scheme") + ": " + f.get("explanation"));
			}
		}
		return new Score(schemes, findings, missed, unlabelled);
	}

	/**
	 * @param schemes the labelled cases
	 * @param findings the findings
	 * @param missed the labelled cases no finding names (recall below 1)
	 * @param unlabelled the findings of no labelled case (precision below 1)
	 */
	public record Score(List<CSVRecord> schemes, List<CSVRecord> findings, List<String> missed,
			List<String> unlabelled) {
	}

	/** A CSV file with its header, as records. */
	public static List<CSVRecord> csv(Path file) throws IOException {
		try (var reader = Files.newBufferedReader(file)) {
			return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
		}
	}

}
