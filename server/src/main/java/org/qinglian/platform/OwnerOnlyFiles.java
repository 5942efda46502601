package org.qinglian.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Files of personal data written for the user who runs the platform only: created with
 * owner-only permissions, never created and narrowed afterwards.
 */
public final class OwnerOnlyFiles {

	private OwnerOnlyFiles() {
	}

	private static boolean posix() {
		return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
	}

	/** The folder and its parents, the ones made here owner-only. */
	public static void createDirectories(Path dir) throws IOException {
		if (Files.isDirectory(dir)) {
			return;
		}
		if (posix()) {
			Files.createDirectories(dir,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		}
		else {
			Files.createDirectories(dir);
		}
	}

	/** A new file (an old one of that name is replaced), readable by its owner only. */
	public static OutputStream create(Path file) throws IOException {
		createDirectories(file.toAbsolutePath().getParent());
		Files.deleteIfExists(file);
		if (posix()) {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		return Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING);
	}

	public static void deleteQuietly(List<Path> files) {
		for (Path f : files) {
			try {
				Files.deleteIfExists(f);
			}
			catch (IOException ex) {
				// the caller's failure is what matters; a file left is named by it
			}
		}
	}

	/** A new text file, readable by its owner only. */
	public static void writeString(Path file, String text) throws IOException {
		try (OutputStream out = create(file)) {
			out.write(text.getBytes(StandardCharsets.UTF_8));
		}
	}

}
