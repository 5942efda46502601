package org.qinglian;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

	/** A CSV file with its header, as records. */
	public static List<CSVRecord> csv(Path file) throws IOException {
		try (var reader = Files.newBufferedReader(file)) {
			return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
		}
	}

}
