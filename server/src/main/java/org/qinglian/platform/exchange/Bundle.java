package org.qinglian.platform.exchange;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.qinglian.platform.BundleRejectedException;

/**
 * A QDX bundle: a folder, or a {@code .zip} of one, holding {@code manifest.json}, CSV
 * files and (in benchmark bundles) {@code labels/}. Every entry is listed, at any depth,
 * so that the importer refuses what is not a file of the format alike in folders and
 * zips; files are read through the {@link ImportLimits}, and a zip's entries are held to
 * them before anything is read.
 */
abstract class Bundle implements AutoCloseable {

	static final String MANIFEST = "manifest.json";

	/**
	 * Files smaller than this (or a quarter of the largest file) may inflate any number
	 * of times.
	 */
	static final long INFLATION_FLOOR = 16L << 20;

	final ImportLimits limits;

	Bundle(ImportLimits limits) {
		this.limits = limits;
	}

	static Bundle open(Path path, ImportLimits limits) throws IOException {
		if (Files.isDirectory(path)) {
			return new Folder(path, limits);
		}
		if (Files.isRegularFile(path) && path.getFileName().toString().toLowerCase().endsWith(".zip")) {
			return new Zip(path, limits);
		}
		throw new IOException(path + " is neither a folder nor a .zip file");
	}

	/**
	 * Every entry of the bundle, by its path within it ({@code labels/schemes.csv}); a
	 * folder's name ends with {@code /}.
	 */
	abstract List<String> files() throws IOException;

	abstract boolean exists(String name);

	abstract long size(String name) throws IOException;

	final InputStream open(String name) throws IOException {
		long size = size(name);
		if (size > limits.maxFileBytes()) {
			throw tooLarge(name, size);
		}
		return new Limited(openRaw(name), name, limits.maxFileBytes());
	}

	abstract InputStream openRaw(String name) throws IOException;

	ImportLimits.Exceeded tooLarge(String name, long size) {
		return new ImportLimits.Exceeded(String.format("%s:0: -: has %,d bytes, more than the %,d a file may have",
				name, size, limits.maxFileBytes()));
	}

	@Override
	public void close() throws IOException {
	}

	/** Stops reading a file at the limit, whatever its size claimed. */
	private final class Limited extends FilterInputStream {

		private final String name;

		private final long max;

		private long read;

		Limited(InputStream in, String name, long max) {
			super(in);
			this.name = name;
			this.max = max;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws IOException {
			read += n;
			if (read > max) {
				throw tooLarge(name, read);
			}
		}

	}

	private static final class Folder extends Bundle {

		private final Path dir;

		Folder(Path dir, ImportLimits limits) {
			super(limits);
			this.dir = dir;
		}

		@Override
		List<String> files() throws IOException {
			try (Stream<Path> s = Files.walk(dir)) {
				return s.filter(p -> !p.equals(dir))
					.map(p -> dir.relativize(p).toString().replace('\\', '/')
							+ (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "/"
									: Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? "" : " (not a plain file)"))
					.sorted()
					.toList();
			}
		}

		@Override
		boolean exists(String name) {
			return Files.isRegularFile(dir.resolve(name), LinkOption.NOFOLLOW_LINKS);
		}

		@Override
		long size(String name) throws IOException {
			return Files.readAttributes(dir.resolve(name), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).size();
		}

		@Override
		InputStream openRaw(String name) throws IOException {
			Path file = dir.resolve(name);
			// a link or a pipe is not a file of the bundle (a pipe would hang the import)
			if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
				throw new ImportLimits.Exceeded(name + ":0: -: is not a plain file (a link, a pipe or a folder)");
			}
			return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
		}

	}

	private static final class Zip extends Bundle {

		private final ZipFile zip;

		private final String prefix;

		Zip(Path path, ImportLimits limits) throws IOException {
			super(limits);
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
			// a zip bomb is refused by what its entries declare, before one byte is
			// inflated; what they declare is held to while reading too
			List<String> problems = new ArrayList<>();
			for (ZipEntry e : zip.stream().toList()) {
				long size = e.getSize();
				long packed = e.getCompressedSize();
				String name = name(e);
				if (size > limits.maxFileBytes()) {
					problems.add(tooLarge(name, size).getMessage());
				}
				else if (size > Math.min(INFLATION_FLOOR, limits.maxFileBytes() / 4) && packed > 0
						&& size / packed > limits.maxInflation()) {
					problems.add(String.format(
							"%s:0: -: inflates %,d times (%,d bytes from %,d), more than the %d "
									+ "times a file may: refused as a zip bomb",
							name, size / packed, size, packed, limits.maxInflation()));
				}
			}
			if (!problems.isEmpty()) {
				zip.close();
				throw new BundleRejectedException(problems, problems.size());
			}
		}

		private String name(ZipEntry e) {
			String n = e.getName();
			return n.startsWith(prefix) ? n.substring(prefix.length()) : "(outside the bundle's folder) " + n;
		}

		@Override
		List<String> files() {
			List<String> names = new ArrayList<>();
			for (ZipEntry e : zip.stream().toList()) {
				String n = name(e);
				if (!n.isEmpty()) {
					names.add(n);
				}
			}
			names.sort(null);
			return names;
		}

		@Override
		boolean exists(String name) {
			ZipEntry e = zip.getEntry(prefix + name);
			return e != null && !e.isDirectory();
		}

		@Override
		long size(String name) {
			return zip.getEntry(prefix + name).getSize();
		}

		@Override
		InputStream openRaw(String name) throws IOException {
			return zip.getInputStream(zip.getEntry(prefix + name));
		}

		@Override
		public void close() throws IOException {
			zip.close();
		}

	}

}
