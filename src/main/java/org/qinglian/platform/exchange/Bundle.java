package org.qinglian.platform.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A QDX bundle: a folder, or a {@code .zip} of one, holding {@code manifest.json} and CSV
 * files.
 */
abstract class Bundle implements AutoCloseable {

	static final String MANIFEST = "manifest.json";

	static Bundle open(Path path) throws IOException {
		if (Files.isDirectory(path)) {
			return new Folder(path);
		}
		if (Files.isRegularFile(path) && path.getFileName().toString().toLowerCase().endsWith(".zip")) {
			return new Zip(path);
		}
		throw new IOException(path + " is neither a folder nor a .zip file");
	}

	/** The names of the top-level files of the bundle. */
	abstract List<String> files() throws IOException;

	abstract boolean exists(String name);

	abstract long size(String name) throws IOException;

	abstract InputStream open(String name) throws IOException;

	@Override
	public void close() throws IOException {
	}

	private static final class Folder extends Bundle {

		private final Path dir;

		Folder(Path dir) {
			this.dir = dir;
		}

		@Override
		List<String> files() throws IOException {
			try (Stream<Path> s = Files.list(dir)) {
				return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
			}
		}

		@Override
		boolean exists(String name) {
			return Files.isRegularFile(dir.resolve(name));
		}

		@Override
		long size(String name) throws IOException {
			return Files.size(dir.resolve(name));
		}

		@Override
		InputStream open(String name) throws IOException {
			return Files.newInputStream(dir.resolve(name));
		}

	}

	private static final class Zip extends Bundle {

		private final ZipFile zip;

		private final String prefix;

		Zip(Path path) throws IOException {
			this.zip = new ZipFile(path.toFile());
			String found = null;
			for (ZipEntry e : zip.stream().toList()) {
				String n = e.getName();
				if (n.equals(MANIFEST)
						|| (n.endsWith("/" + MANIFEST) && n.indexOf('/') == n.length() - MANIFEST.length() - 1)) {
					found = n.substring(0, n.length() - MANIFEST.length());
					break;
				}
			}
			this.prefix = found == null ? "" : found;
		}

		@Override
		List<String> files() {
			List<String> names = new ArrayList<>();
			for (ZipEntry e : zip.stream().toList()) {
				String n = e.getName();
				if (!e.isDirectory() && n.startsWith(prefix) && n.indexOf('/', prefix.length()) < 0) {
					names.add(n.substring(prefix.length()));
				}
			}
			names.sort(null);
			return names;
		}

		@Override
		boolean exists(String name) {
			return zip.getEntry(prefix + name) != null;
		}

		@Override
		long size(String name) {
			return zip.getEntry(prefix + name).getSize();
		}

		@Override
		InputStream open(String name) throws IOException {
			return zip.getInputStream(zip.getEntry(prefix + name));
		}

		@Override
		public void close() throws IOException {
			zip.close();
		}

	}

}
