package org.qinglian.platform.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.qinglian.platform.PersonalDataCipher;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM whose 12-byte IV is the HMAC-SHA256 of the value under a second key. The
 * 64-byte master key comes from {@code QINGLIAN_SECRET_KEY} (base64) or, by default, from
 * a key file created on first start with owner-only permissions beside the data.
 */
@Component
class AesSivCipher implements PersonalDataCipher {

	private static final String PREFIX = "v1:";

	private final SecretKeySpec encKey;

	private final SecretKeySpec macKey;

	/** Looking a cipher up is slower than using it: one of each per thread. */
	private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

	private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(AesSivCipher::newCipher);

	AesSivCipher(@Value("${qinglian.secret-key:}") String secretKey,
			@Value("${qinglian.key-file:data/secret.key}") Path keyFile) {
		byte[] master = secretKey.isBlank() ? loadOrCreate(keyFile) : Base64.getDecoder().decode(secretKey.trim());
		if (master.length != 64) {
			throw new IllegalStateException("The secret key must be 64 bytes (base64), it is " + master.length);
		}
		this.encKey = new SecretKeySpec(Arrays.copyOfRange(master, 0, 32), "AES");
		this.macKey = new SecretKeySpec(Arrays.copyOfRange(master, 32, 64), "HmacSHA256");
	}

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(macKey);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Cipher newCipher() {
		try {
			return Cipher.getInstance("AES/GCM/NoPadding");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] loadOrCreate(Path keyFile) {
		try {
			if (Files.exists(keyFile)) {
				return Base64.getDecoder().decode(Files.readString(keyFile).trim());
			}
			byte[] key = new byte[64];
			new SecureRandom().nextBytes(key);
			Path dir = keyFile.toAbsolutePath().getParent();
			Files.createDirectories(dir);
			Files.writeString(keyFile, Base64.getEncoder().encodeToString(key));
			try {
				Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system: the file keeps the directory's permissions
			}
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or create the key file " + keyFile, ex);
		}
	}

	@Override
	public String encrypt(String plain) {
		if (plain == null) {
			return null;
		}
		try {
			byte[] data = plain.getBytes(StandardCharsets.UTF_8);
			Mac mac = macs.get();
			byte[] iv = Arrays.copyOf(mac.doFinal(data), 12);
			// a new cipher each time: GCM refuses to be initialised twice with one key
			// and IV, which a
			// deterministic IV does for a repeated value
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, encKey, new GCMParameterSpec(128, iv));
			byte[] sealed = cipher.doFinal(data);
			byte[] out = new byte[12 + sealed.length];
			System.arraycopy(iv, 0, out, 0, 12);
			System.arraycopy(sealed, 0, out, 12, sealed.length);
			return PREFIX + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Encryption failed", ex);
		}
	}

	@Override
	public String decrypt(String value) {
		if (value == null) {
			return null;
		}
		if (!value.startsWith(PREFIX)) {
			throw new IllegalArgumentException("Not a value of this cipher");
		}
		try {
			byte[] in = Base64.getDecoder().decode(value.substring(PREFIX.length()));
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.DECRYPT_MODE, encKey, new GCMParameterSpec(128, in, 0, 12));
			return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Decryption failed: wrong key or damaged value", ex);
		}
	}

}
