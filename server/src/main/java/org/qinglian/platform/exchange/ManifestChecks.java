package org.qinglian.platform.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.qinglian.platform.ExchangeFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The manifest's checks, before a row is read: the format and its version, the county,
 * and the files promised against the files present (each file of the bundle listed, each
 * listed file there, none that is not of the format, {@code regions.csv} always). The
 * rows and hashes it promises are checked while each file is read.
 */
final class ManifestChecks {

	/** What a benchmark bundle may hold beside the data files (spec: Labels). */
	private static final Set<String> LABELS = Set.of("labels/", "labels/schemes.csv", "labels/scheme_records.csv");

	private final ExchangeFiles files;

	private final JsonMapper json = JsonMapper.builder().build();

	ManifestChecks(ExchangeFiles files) {
		this.files = files;
	}

	/** The manifest's promises, after checking them against the files present. */
	record Manifest(String countyCode, String bundleSha256, Map<String, Long> rows, Map<String, String> hashes,
			String periodFrom, String periodTo, String version) {
	}

	/**
	 * The manifest, with every problem of it added; null when it cannot be read at all.
	 */
	Manifest read(Bundle bundle, Problems problems) throws IOException {
		String m = Bundle.MANIFEST;
		if (!bundle.exists(m)) {
			problems.add(m, 0, "-", "the bundle has no manifest.json");
			return null;
		}
		if (bundle.size(m) > 1 << 20) {
			problems.add(m, 0, "-",
					String.format("has %,d bytes, more than the 1 MB a manifest may have", bundle.size(m)));
			return null;
		}
		byte[] bytes;
		try (InputStream in = bundle.open(m)) {
			bytes = in.readAllBytes();
		}
		JsonNode root;
		try {
			root = json.readTree(bytes);
		}
		catch (RuntimeException ex) {
			problems.add(m, 1, "-", "is not valid JSON");
			return null;
		}
		if (!"qdx".equals(root.path("format").asString(""))) {
			problems.add(m, 1, "format", "must be \"qdx\"");
		}
		JsonNode versionNode = root.path("version");
		String version = versionNode.isNumber() && versionNode.asDouble() == 1.0 ? "1"
				: versionNode.isString() ? versionNode.asString("") : versionNode.toString();
		if (!ExchangeFile.VERSIONS.contains(version)) {
			problems.add(m, 1, "version", "must be 1 or \"1.1\" (the versions this platform reads), not " + version);
			version = "1";
		}
		ExchangeFiles files = this.files.forVersion(version);
		String county = root.path("county_code").asString("");
		if (!county.matches("\\d{6}")) {
			problems.add(m, 1, "county_code", "'" + county + "' is not a 6-digit county code");
		}
		JsonNode listed = root.path("files");
		Map<String, Long> rows = new HashMap<>();
		Map<String, String> hashes = new HashMap<>();
		Set<String> present = new LinkedHashSet<>(bundle.files());
		present.remove(m);
		for (String name : present) {
			if (LABELS.contains(name)) {
				continue;
			}
			if (files.byName(name) == null) {
				problems.add(name, 0, "-", "is not a file of the QDX format");
			}
			else if (!listed.has(name)) {
				problems.add(m, 1, "files", name + " is in the bundle but not in the manifest");
			}
		}
		if (!present.contains("regions.csv")) {
			problems.add("regions.csv", 0, "-", "is missing: every bundle has regions.csv");
		}
		for (var entry : listed.properties()) {
			String name = entry.getKey();
			if (name.startsWith("labels/")) {
				continue;
			}
			if (!bundle.exists(name)) {
				problems.add(m, 1, "files", name + " is listed but not in the bundle");
				continue;
			}
			JsonNode meta = entry.getValue();
			rows.put(name, meta.path("rows").asLong(-1));
			// checked while the file is read
			hashes.put(name, meta.path("sha256").asString(""));
		}
		JsonNode period = root.path("period");
		return new Manifest(county, HexFormat.of().formatHex(BundleReader.sha256().digest(bytes)), rows, hashes,
				period.path("from").asString(null), period.path("to").asString(null), version);
	}

}
