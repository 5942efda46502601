package org.qinglian.platform.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.DeterministicAead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.daead.DeterministicAeadConfig;
import com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The installation's keys: one Tink keyset a purpose, each a JSON file in
 * {@link KeySettings#dir()}, created owner-only on the first start of an empty database.
 * A keyset holds every key it ever had (each with its id, so old values still decrypt and
 * old audit entries still verify); the newest is primary and does all new work.
 * <p>
 * A key check value of each purpose is kept in the database ({@code plt_key_check}): a
 * database started with other keys, or with none where it had some, is refused with one
 * line instead of mixing keys.
 */
@Component
@Lazy(false)
@DependsOnDatabaseInitialization
public class Keysets {

	static {
		try {
			DeterministicAeadConfig.register();
			AeadConfig.register();
			MacConfig.register();
		}
		catch (GeneralSecurityException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private static final byte[] CHECK = "qinglian key check".getBytes(StandardCharsets.UTF_8);

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	/** What a keyset is for. */
	public enum Purpose {

		/** Reporters' identities: deterministic AES-256-SIV. */
		IDENTITY("identity.json", PredefinedDeterministicAeadParameters.AES256_SIV),
		/** Other personal data: AES-256-GCM. */
		RECORDS("records.json", PredefinedAeadParameters.AES256_GCM),
		/** The audit log's chain and checkpoints: HMAC-SHA256. */
		AUDIT("audit.json", PredefinedMacParameters.HMAC_SHA256_256BITTAG);

		private final String file;

		private final Parameters parameters;

		Purpose(String file, Parameters parameters) {
			this.file = file;
			this.parameters = parameters;
		}

		String code() {
			return name().toLowerCase();
		}

	}

	private final Path dir;

	private final JdbcClient jdbc;

	private final Map<Purpose, KeysetHandle> handles = new EnumMap<>(Purpose.class);

	private volatile DeterministicAead identity;

	private volatile Aead records;

	private volatile Mac audit;

	Keysets(KeySettings settings, JdbcClient jdbc) {
		this.dir = settings.dir().toAbsolutePath().normalize();
		this.jdbc = jdbc;
		Map<String, String> checks = new HashMap<>();
		jdbc.sql("select purpose, check_value from plt_key_check")
			.query((rs, i) -> checks.put(rs.getString(1), rs.getString(2)))
			.list();
		for (Purpose p : Purpose.values()) {
			Path file = dir.resolve(p.file);
			if (Files.exists(file)) {
				requireOwnerOnly(file);
				handles.put(p, read(file));
			}
			else if (checks.containsKey(p.code())) {
				throw new IllegalStateException("The database was encrypted with keys that are not in " + dir + " ("
						+ p.file + " is missing): restore that keyset directory, or set QINGLIAN_KEYS_DIR to it");
			}
			else {
				KeysetHandle created = generate(p);
				write(file, created);
				handles.put(p, created);
			}
		}
		primitives();
		for (Purpose p : Purpose.values()) {
			String stored = checks.get(p.code());
			if (stored == null) {
				storeCheck(p);
			}
			else if (!checkHolds(p, stored)) {
				throw new IllegalStateException("The keys in " + dir + " are not the keys of this database (the key "
						+ "check of " + p.file + " fails): start with the keyset directory that belongs to this data");
			}
		}
	}

	/**
	 * Checks the key check values the database holds now (after a restore, say) against
	 * these keysets.
	 * @throws IllegalStateException naming the keyset that does not match
	 */
	public void requireMatchingChecks() {
		Map<String, String> checks = new HashMap<>();
		jdbc.sql("select purpose, check_value from plt_key_check")
			.query((rs, i) -> checks.put(rs.getString(1), rs.getString(2)))
			.list();
		for (Purpose p : Purpose.values()) {
			String stored = checks.get(p.code());
			if (stored == null) {
				storeCheck(p);
			}
			else if (!checkHolds(p, stored)) {
				throw new IllegalStateException("The keys in " + dir + " are not the keys of this data (the key "
						+ "check of " + p.file + " fails): use the keyset directory that belongs to it");
			}
		}
	}

	public DeterministicAead identity() {
		return identity;
	}

	public Aead records() {
		return records;
	}

	public Mac audit() {
		return audit;
	}

	/** Where the keysets are. */
	public Path dir() {
		return dir;
	}

	/**
	 * Adds a new primary key to every keyset and writes the files; the old keys stay, so
	 * that what they encrypted still decrypts until it is re-encrypted. The key check
	 * values are renewed.
	 * @return the new primary key id of each keyset
	 */
	public synchronized Map<Purpose, Integer> rotate() {
		Map<Purpose, Integer> ids = new EnumMap<>(Purpose.class);
		for (Purpose p : Purpose.values()) {
			KeysetHandle rotated;
			try {
				rotated = KeysetHandle.newBuilder(handles.get(p))
					.addEntry(KeysetHandle.generateEntryFromParameters(p.parameters).withRandomId().makePrimary())
					.build();
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("Cannot make a new key: " + ex.getMessage(), ex);
			}
			write(dir.resolve(p.file), rotated);
			handles.put(p, rotated);
			ids.put(p, rotated.getPrimary().getId());
		}
		primitives();
		for (Purpose p : Purpose.values()) {
			storeCheck(p);
		}
		return ids;
	}

	/** The number of keys in each keyset. */
	public Map<Purpose, Integer> sizes() {
		Map<Purpose, Integer> sizes = new EnumMap<>(Purpose.class);
		handles.forEach((p, h) -> sizes.put(p, h.size()));
		return sizes;
	}

	private void primitives() {
		try {
			identity = handles.get(Purpose.IDENTITY).getPrimitive(RegistryConfiguration.get(), DeterministicAead.class);
			records = handles.get(Purpose.RECORDS).getPrimitive(RegistryConfiguration.get(), Aead.class);
			audit = handles.get(Purpose.AUDIT).getPrimitive(RegistryConfiguration.get(), Mac.class);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The keysets in " + dir + " cannot be used: " + ex.getMessage(), ex);
		}
	}

	private void storeCheck(Purpose p) {
		jdbc.sql("""
				insert into plt_key_check (purpose, check_value) values (?, ?)
				on conflict (purpose) do update set check_value = excluded.check_value, written_at = now()""")
			.params(p.code(), Base64.getEncoder().encodeToString(checkValue(p)))
			.update();
	}

	private byte[] checkValue(Purpose p) {
		try {
			byte[] ad = ("plt_key_check:" + p.code()).getBytes(StandardCharsets.UTF_8);
			return switch (p) {
				case IDENTITY -> identity.encryptDeterministically(CHECK, ad);
				case RECORDS -> records.encrypt(CHECK, ad);
				case AUDIT -> audit.computeMac(CHECK);
			};
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private boolean checkHolds(Purpose p, String stored) {
		try {
			byte[] value = Base64.getDecoder().decode(stored);
			byte[] ad = ("plt_key_check:" + p.code()).getBytes(StandardCharsets.UTF_8);
			switch (p) {
				case IDENTITY -> {
					return Arrays.equals(identity.decryptDeterministically(value, ad), CHECK);
				}
				case RECORDS -> {
					return Arrays.equals(records.decrypt(value, ad), CHECK);
				}
				default -> {
					audit.verifyMac(value, CHECK);
					return true;
				}
			}
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return false;
		}
	}

	private static KeysetHandle generate(Purpose p) {
		try {
			return KeysetHandle.generateNew(p.parameters);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeysetHandle read(Path file) {
		try {
			return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the keyset " + file, ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The keyset " + file + " is damaged: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Writes a keyset to a file created owner-only from the start (never made and then
	 * narrowed), then moved over the old one in one step.
	 */
	private static void write(Path file, KeysetHandle handle) {
		boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
		try {
			Path dir = file.getParent();
			if (!Files.isDirectory(dir)) {
				if (posix) {
					Files.createDirectories(dir,
							PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
				}
				else {
					Files.createDirectories(dir);
				}
			}
			Path tmp = dir.resolve("." + file.getFileName() + ".new");
			Files.deleteIfExists(tmp);
			String json = TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
			Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
					StandardOpenOption.SYNC);
			try (SeekableByteChannel out = posix
					? Files.newByteChannel(tmp, options, PosixFilePermissions.asFileAttribute(OWNER_ONLY))
					: Files.newByteChannel(tmp, options)) {
				out.write(ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)));
			}
			Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the keyset " + file + ": " + ex.getMessage(), ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Refuses a keyset file that others than its owner may read or write. */
	static void requireOwnerOnly(Path file) {
		if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			return;
		}
		try {
			Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
			Set<PosixFilePermission> others = EnumSet.of(PosixFilePermission.GROUP_READ,
					PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);
			others.retainAll(perms);
			if (!others.isEmpty()) {
				throw new IllegalStateException("The keyset " + file + " may be read or written by others ("
						+ PosixFilePermissions.toString(perms) + "): make it owner-only (chmod 600) and start again");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the permissions of " + file, ex);
		}
	}

}
