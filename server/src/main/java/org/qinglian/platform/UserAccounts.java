package org.qinglian.platform;

import java.util.List;

/**
 * Users of the platform. Administrators manage the users of their own jurisdiction only;
 * a password an administrator sets must be changed at the user's first sign-in. Changing
 * a user's role, jurisdiction, password or disabling them ends their sessions at once.
 */
public interface UserAccounts {

	/**
	 * Creates a user; an existing username is refused, never taken over.
	 * @throws AccountException naming what is wrong with the account
	 */
	void create(NewUser user);

	/**
	 * Changes an existing user of the caller's jurisdiction (role, region, name, person).
	 * @throws Scope.NotInScopeException when the user is outside the jurisdiction
	 */
	void update(String username, Change change);

	/** Sets a new password, which the user must change at their next sign-in. */
	void resetPassword(String username, String password);

	/** The users within the caller's jurisdiction (administrators only). */
	List<UserView> list();

	void setEnabled(String username, boolean enabled);

	/** The signed-in user changes their own password. */
	void changeOwnPassword(String currentPassword, String newPassword);

	boolean anyUser();

	/**
	 * The enabled users of an office (their jurisdiction starts at its code) whose role
	 * handles supervision records: whom a record of the office may be assigned to. For
	 * supervision staff.
	 */
	List<Colleague> colleagues(String officeCode);

	boolean exists(String username);

	/**
	 * @param username sign-in name
	 * @param displayName name shown
	 * @param password clear password, hashed before it is stored
	 * @param role the role
	 * @param regionCode where their jurisdiction starts
	 * @param personId who the user is in the county's registry (for recusal), or
	 * {@code null}
	 * @param mustChangePassword whether the user must choose a new password at first
	 * sign-in (always, when an administrator sets it)
	 */
	record NewUser(String username, String displayName, String password, Role role, String regionCode, String personId,
			boolean mustChangePassword) {

		public NewUser(String username, String displayName, String password, Role role, String regionCode) {
			this(username, displayName, password, role, regionCode, null, false);
		}

		public NewUser(String username, String displayName, String password, Role role, String regionCode,
				String personId) {
			this(username, displayName, password, role, regionCode, personId, false);
		}

	}

	/** What an administrator may change of a user. */
	record Change(String displayName, Role role, String regionCode, String personId) {
	}

	/**
	 * @param personId who they are in the registry (for recusal), or {@code null}
	 */
	record Colleague(String username, String displayName, String personId) {
	}

	record UserView(String username, String displayName, Role role, String regionCode, String regionName,
			boolean enabled) {
	}

	/**
	 * A refused account change: {@code key} names the message (bundles
	 * {@code account.KEY}), the English text is the exception's message.
	 */
	class AccountException extends IllegalArgumentException {

		private final String key;

		private final transient Object[] args;

		public AccountException(String key, String english, Object... args) {
			super(english);
			this.key = key;
			this.args = args;
		}

		public String key() {
			return "account." + key;
		}

		public Object[] args() {
			return args.clone();
		}

	}

}
