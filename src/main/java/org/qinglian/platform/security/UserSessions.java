package org.qinglian.platform.security;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Ends a user's sessions at once, when their account changes under them. */
@Component
class UserSessions {

	private final SessionRegistry registry;

	UserSessions(SessionRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Ends the user's sessions now, and again when the transaction that changed the
	 * account commits (a sign-in between the two would otherwise keep the old account).
	 */
	void end(String username) {
		endNow(username);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					endNow(username);
				}
			});
		}
	}

	private void endNow(String username) {
		for (Object principal : registry.getAllPrincipals()) {
			if (principal instanceof UserDetails u && u.getUsername().equals(username)) {
				registry.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
			}
		}
	}

}
