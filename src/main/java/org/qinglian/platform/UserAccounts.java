package org.qinglian.platform;

import java.util.List;

/** Users of the platform, managed by the county administrator. */
public interface UserAccounts {

	/**
	 * Creates a user, or replaces the password, role and region of an existing one.
	 * @throws IllegalArgumentException naming what is wrong with the account
	 */
	void save(NewUser user);

	/** The users within the caller's jurisdiction (administrators only). */
	List<UserView> list();

	void setEnabled(String username, boolean enabled);

	boolean anyUser();

	/**
	 * @param username sign-in name
	 * @param displayName name shown
	 * @param password clear password, hashed before it is stored
	 * @param role the role
	 * @param regionCode where their jurisdiction starts
	 * @param personId who the user is in the county's registry (for recusal), or
	 * {@code null}
	 */
	record NewUser(String username, String displayName, String password, Role role, String regionCode,
			String personId) {

		public NewUser(String username, String displayName, String password, Role role, String regionCode) {
			this(username, displayName, password, role, regionCode, null);
		}

	}

	record UserView(String username, String displayName, Role role, String regionCode, String regionName,
			boolean enabled) {
	}

}
