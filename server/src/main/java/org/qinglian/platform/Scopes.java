package org.qinglian.platform;

/** The scope of the signed-in user; services ask it before they read village data. */
public interface Scopes {

	/**
	 * @throws org.springframework.security.access.AccessDeniedException when nobody is
	 * signed in
	 */
	Scope current();

}
