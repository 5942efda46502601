package org.qinglian.platform.exchange;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.qinglian.platform.AuditLog;
import org.qinglian.platform.Csv;
import org.qinglian.platform.Exchange.ExportReport;
import org.qinglian.platform.ExchangeColumn;
import org.qinglian.platform.ExchangeFile;
import org.qinglian.platform.OwnerOnlyFiles;
import org.qinglian.platform.PersonalDataCipher;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Writes every table back as a QDX bundle, so that it re-imports to the same rows. */
@Component
class BundleExporter {

	private final ExchangeFiles files;

	private final JdbcTemplate jdbc;

	private final PersonalDataCipher cipher;

	private final AuditLog audit;

	private final Clock clock;

	BundleExporter(ExchangeFiles files, JdbcTemplate jdbc, PersonalDataCipher cipher, AuditLog audit, Clock clock) {
		this.files = files;
		this.jdbc = new JdbcTemplate(jdbc.getDataSource());
		this.jdbc.setFetchSize(5_000);
		this.cipher = cipher;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Writes the bundle. The export is audited (in its own transaction) before the first
	 * file is written, and the files are created owner-only; if writing fails, the files
	 * written are removed, so that no export leaves unaudited files behind.
	 */
	/**
	 * The version whose form of the files holds the data: 1.1 when registries were
	 * received as other departments record them, else 1. Data in both forms is refused
	 * rather than half written.
	 */
	private String version() {
		boolean received = files.onlyIn("1.1").stream().anyMatch(this::holdsRows);
		List<ExchangeFile> firstForm = files.onlyIn("1").stream().filter(this::holdsRows).toList();
		if (received && !firstForm.isEmpty()) {
			throw new IllegalStateException("The installation holds registries both as version 1 ("
					+ firstForm.stream().map(ExchangeFile::file).toList()
					+ ") and as received (version 1.1); one bundle cannot hold both forms");
		}
		return received ? "1.1" : "1";
	}

	private boolean holdsRows(ExchangeFile f) {
		return Boolean.TRUE
			.equals(jdbc.queryForObject("select exists (select 1 from " + f.table() + ")", Boolean.class));
	}

	@Transactional(readOnly = true)
	ExportReport export(Path dir, boolean withIdentities) {
		audit.recordNow("export", "bundle", dir.toAbsolutePath().toString(), null,
				withIdentities ? "with reporters' identities in clear" : "identities sealed");
		List<Path> written = new ArrayList<>();
		try {
			OwnerOnlyFiles.createDirectories(dir);
			String county = jdbc.query("select county_code from plt_import order by id desc limit 1",
					rs -> rs.next() ? rs.getString(1) : "000000");
			Map<String, Object> period = jdbc
				.queryForMap("select min(period_from)::text as from, max(period_to)::text as to from plt_import");
			JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
			ObjectNode manifest = json.createObjectNode();
			manifest.put("format", "qdx");
			String version = version();
			ExchangeFiles files = this.files.forVersion(version);
			if (version.equals("1")) {
				manifest.put("version", 1);
			}
			else {
				manifest.put("version", version);
			}
			manifest.put("county_code", county);
			manifest.put("generated_at", OffsetDateTime.now(clock).withNano(0).toString());
			ObjectNode p = manifest.putObject("period");
			p.put("from", (String) period.get("from"));
			p.put("to", (String) period.get("to"));
			ObjectNode listed = manifest.putObject("files");
			for (ExchangeFile f : files.all()) {
				MessageDigest md = MessageDigest.getInstance("SHA-256");
				long rows;
				Path file = dir.resolve(f.file());
				written.add(file);
				try (OutputStream out = new DigestOutputStream(OwnerOnlyFiles.create(file), md);
						BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
								1 << 16)) {
					rows = write(f, w, withIdentities);
				}
				ObjectNode meta = listed.putObject(f.file());
				meta.put("rows", rows);
				meta.put("sha256", HexFormat.of().formatHex(md.digest()));
			}
			Path manifestFile = dir.resolve(Bundle.MANIFEST);
			written.add(manifestFile);
			try (OutputStream out = OwnerOnlyFiles.create(manifestFile)) {
				out.write(json.writeValueAsString(manifest).getBytes(StandardCharsets.UTF_8));
			}
			long total = 0;
			for (var meta : listed.properties()) {
				total += meta.getValue().path("rows").asLong();
			}
			return new ExportReport(files.all().size(), total);
		}
		catch (IOException | RuntimeException ex) {
			OwnerOnlyFiles.deleteQuietly(written);
			if (ex instanceof IOException io) {
				throw new UncheckedIOException("Could not write the bundle to " + dir + ": " + io.getMessage(), io);
			}
			throw (RuntimeException) ex;
		}
		catch (NoSuchAlgorithmException ex) {
			OwnerOnlyFiles.deleteQuietly(written);
			throw new IllegalStateException(ex);
		}
	}

	private long write(ExchangeFile f, BufferedWriter w, boolean withIdentities) throws IOException {
		w.write(f.columns().stream().map(ExchangeColumn::name).collect(Collectors.joining(",")));
		w.write('\n');
		String select = f.columns()
			.stream()
			.map(c -> TableLoading.quote(c.dbColumn()) + "::text")
			.collect(Collectors.joining(", "));
		String order = f.key()
			.stream()
			.map(k -> TableLoading.quote(f.column(k).orElseThrow().dbColumn()))
			.collect(Collectors.joining(", "));
		long[] rows = { 0 };
		int n = f.columns().size();
		int[] keyAt = f.key().stream().mapToInt(k -> f.columns().indexOf(f.column(k).orElseThrow())).toArray();
		jdbc.query("select " + select + " from " + f.table() + " order by " + order, rs -> {
			try {
				for (int i = 0; i < n; i++) {
					if (i > 0) {
						w.write(',');
					}
					String v = rs.getString(i + 1);
					ExchangeColumn c = f.columns().get(i);
					if (v != null && c.encrypted()) {
						if (withIdentities) {
							String[] key = new String[keyAt.length];
							for (int k = 0; k < keyAt.length; k++) {
								key[k] = rs.getString(keyAt[k] + 1);
							}
							v = cipher.decrypt(v, new PersonalDataCipher.Place(f.table(), c.dbColumn(), key));
						}
						else {
							v = BundleReader.SEALED + v;
						}
					}
					writeField(w, v);
				}
				w.write('\n');
				rows[0]++;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		return rows[0];
	}

	private static void writeField(BufferedWriter w, String v) throws IOException {
		w.write(Csv.field(v));
	}

}
