package org.qinglian.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import org.qinglian.platform.PersonalDataCipher;

import org.springframework.stereotype.Component;

/** {@link PersonalDataCipher} with the installation's Tink keysets. */
@Component
class TinkPersonalDataCipher implements PersonalDataCipher {

	private final Keysets keys;

	TinkPersonalDataCipher(Keysets keys) {
		this.keys = keys;
	}

	@Override
	public String encrypt(String plain, Place place) {
		if (plain == null) {
			return null;
		}
		try {
			return encode(keys.identity()
				.encryptDeterministically(plain.getBytes(StandardCharsets.UTF_8), place.associatedData()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Encryption failed", ex);
		}
	}

	@Override
	public String decrypt(String cipher, Place place) {
		if (cipher == null) {
			return null;
		}
		try {
			return new String(keys.identity().decryptDeterministically(decode(cipher), place.associatedData()),
					StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new UndecryptableException("the value was not encrypted for " + place.table() + "." + place.column()
					+ " of this row with a key of this installation", ex);
		}
	}

	@Override
	public String seal(String plain, Place place) {
		if (plain == null) {
			return null;
		}
		try {
			return encode(keys.records().encrypt(plain.getBytes(StandardCharsets.UTF_8), place.associatedData()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Encryption failed", ex);
		}
	}

	@Override
	public String open(String sealed, Place place) {
		if (sealed == null) {
			return null;
		}
		try {
			return new String(keys.records().decrypt(decode(sealed), place.associatedData()), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new UndecryptableException("the value was not sealed for " + place.table() + "." + place.column()
					+ " of this row with a key of this installation", ex);
		}
	}

	private static String encode(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}

	private static byte[] decode(String text) throws GeneralSecurityException {
		try {
			return Base64.getDecoder().decode(text);
		}
		catch (IllegalArgumentException ex) {
			throw new GeneralSecurityException("not base64", ex);
		}
	}

}
