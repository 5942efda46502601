package org.qinglian.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.qinglian.platform.Csv;

/** Writes the CSV files of a bundle, counting rows and hashing bytes for the manifest. */
final class BundleWriter implements AutoCloseable {

	private final Path dir;

	private final Map<String, Sheet> sheets = new LinkedHashMap<>();

	BundleWriter(Path dir) throws IOException {
		this.dir = dir;
		Files.createDirectories(dir.resolve("labels"));
	}

	Sheet sheet(String file, String header) {
		return sheets.computeIfAbsent(file, f -> new Sheet(dir.resolve(f), header));
	}

	long rows() {
		return sheets.values()
			.stream()
			.filter(s -> !s.path.getParent().getFileName().toString().equals("labels"))
			.mapToLong(s -> s.rows)
			.sum();
	}

	void manifest(String county, String from, String to, String generatedAt) throws IOException {
		close();
		StringBuilder json = new StringBuilder("{\n \"format\": \"qdx\",\n \"version\": \"1.1\",\n \"county_code\": \"")
			.append(county)
			.append("\",\n \"generated_at\": \"")
			.append(generatedAt)
			.append("\",\n \"period\": {\"from\": \"")
			.append(from)
			.append("\", \"to\": \"")
			.append(to)
			.append("\"},\n \"files\": {\n");
		int i = 0;
		for (var e : sheets.entrySet()) {
			json.append("  \"")
				.append(e.getKey())
				.append("\": {\"rows\": ")
				.append(e.getValue().rows)
				.append(", \"sha256\": \"")
				.append(e.getValue().sha256)
				.append("\"}")
				.append(++i < sheets.size() ? ",\n" : "\n");
		}
		json.append(" }\n}\n");
		Files.writeString(dir.resolve("manifest.json"), json.toString());
	}

	@Override
	public void close() throws IOException {
		for (Sheet s : sheets.values()) {
			s.close();
		}
	}

	/** One CSV file. */
	static final class Sheet {

		private final Path path;

		private final MessageDigest md;

		private final BufferedWriter out;

		private long rows;

		private String sha256;

		private java.util.function.UnaryOperator<Object[]> transform = java.util.function.UnaryOperator.identity();

		/** Rows are written as the function turns them (registries as received). */
		Sheet transformedBy(java.util.function.UnaryOperator<Object[]> f) {
			this.transform = f;
			return this;
		}

		Sheet(Path path, String header) {
			this.path = path;
			try {
				this.md = MessageDigest.getInstance("SHA-256");
				OutputStream os = new DigestOutputStream(Files.newOutputStream(path), md);
				this.out = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
				out.write(header);
				out.write('\n');
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

		void row(Object... values) {
			rowAsIs(transform.apply(values));
		}

		/** A row written as it is given. */
		void rowAsIs(Object... values) {
			try {
				for (int i = 0; i < values.length; i++) {
					if (i > 0) {
						out.write(',');
					}
					Object v = values[i];
					out.write(Csv.field(v == null ? null : v.toString()));
				}
				out.write('\n');
				rows++;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		void close() throws IOException {
			if (sha256 == null) {
				out.close();
				sha256 = HexFormat.of().formatHex(md.digest());
			}
		}

	}

}
