package org.qinglian.platform.security;

import java.time.Duration;

import org.qinglian.platform.AuditLog;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Every sign-in, failure, lock and sign-out goes to the audit log, and failures count
 * towards a lock.
 */
@Component
class SignInAuditor {

	private final AuditLog audit;

	private final SignInAttempts attempts;

	SignInAuditor(AuditLog audit, SignInAttempts attempts) {
		this.audit = audit;
		this.attempts = attempts;
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		Authentication auth = event.getAuthentication();
		attempts.succeeded(auth.getName());
		audit.recordAs(auth.getName(), "sign_in", "user", auth.getName(), null, null);
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		Authentication auth = event.getAuthentication();
		String username = auth.getName() == null ? "" : auth.getName();
		String address = auth.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
		String reason = event.getException().getClass().getSimpleName();
		audit.recordAs("anonymous", "sign_in_failed", "user", truncate(username), null, reason);
		Duration lock = attempts.failed(username, address);
		if (!lock.isZero()) {
			audit.recordAs("anonymous", "sign_in_locked", "user", truncate(username), null,
					"account and address " + address + " locked for " + lock.toMinutes() + " min");
		}
	}

	@EventListener
	void signedOut(LogoutSuccessEvent event) {
		String username = event.getAuthentication().getName();
		audit.recordAs(username, "sign_out", "user", username, null, null);
	}

	private static String truncate(String s) {
		return s.length() > 64 ? s.substring(0, 64) : s;
	}

}
