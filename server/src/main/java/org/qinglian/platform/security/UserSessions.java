package org.qinglian.platform.security;

import java.util.ArrayList;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ends a user's sessions at once, when their account changes under them: deleted from the
 * database that every instance keeps its sessions in (Spring Session JDBC), or, where
 * there is none (a command; the tests that hand sessions from request to request), ended
 * in this instance's registry.
 */
@Component
class UserSessions {

	private final SessionRegistry registry;

	private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

	UserSessions(SessionRegistry registry, ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
		this.registry = registry;
		this.sessions = sessions;
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
		FindByIndexNameSessionRepository<?> repository = sessions.getIfAvailable();
		if (repository != null) {
			for (String id : new ArrayList<>(repository.findByPrincipalName(username).keySet())) {
				repository.deleteById(id);
			}
			return;
		}
		for (Object principal : registry.getAllPrincipals()) {
			if (principal instanceof UserDetails u && u.getUsername().equals(username)) {
				registry.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
			}
		}
	}

}
