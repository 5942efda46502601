package org.qinglian.platform;

/**
 * Encrypts personal data that must not be stored in clear (a reporter's identity).
 * Encryption is deterministic (AES-GCM with a synthetic IV derived from the value), so
 * that a re-imported value compares equal and re-importing changes nothing; decrypting is
 * for the few places that may reveal, which audit it.
 */
public interface PersonalDataCipher {

	String encrypt(String plain);

	String decrypt(String cipher);

}
