package org.qinglian.platform.security;

import org.qinglian.platform.Role;
import org.qinglian.platform.Scope;
import org.qinglian.platform.Scopes;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.session.HttpSessionEventPublisher;

import java.time.Instant;
import java.util.function.Function;

/**
 * Staff sign in with a form; API clients with HTTP Basic, on {@code /api/**} only; the
 * public portal needs no sign-in. Passwords are hashed with bcrypt through the delegating
 * encoder, so that a later algorithm can take over. Failed sign-ins lock the account and
 * the address for a while ({@link SignInAttempts}); every session is registered, so that
 * a changed account's sessions end at once, and lasts at most
 * {@link SecuritySettings#sessionMaxAge()}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
			+ "script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

	static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
			+ "interest-cohort=()";

	/**
	 * The public part of the API (reports from WeChat and DingTalk front ends): no
	 * sign-in, no session, no CSRF token (no cookie is ever trusted here); its own rate
	 * limit.
	 */
	@Bean
	@ConditionalOnWebApplication
	@Order(0)
	SecurityFilterChain publicApiFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/v1/public/**")
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.securityContext(context -> context.disable());
		headers(http);
		return http.build();
	}

	@Bean
	@ConditionalOnWebApplication
	@Order(1)
	SecurityFilterChain apiFilterChain(HttpSecurity http, SignInAttempts attempts, SessionRegistry sessions,
			SecuritySettings settings, JdbcClient jdbc) throws Exception {
		http.securityMatcher("/api/**")
			// the API's description is public, for the teams that build clients of it
			.authorizeHttpRequests(auth -> auth.requestMatchers("/api/v1/openapi", "/api/v1/openapi.yaml")
				.permitAll()
				.anyRequest()
				.authenticated())
			.httpBasic(Customizer.withDefaults())
			.sessionManagement(s -> s.maximumSessions(-1).sessionRegistry(sessions))
			.addFilterBefore(new SignInThrottleFilter(attempts), BasicAuthenticationFilter.class)
			.addFilterAfter(new AccountStateFilter(settings.sessionMaxAge(), changedAt(jdbc)),
					BasicAuthenticationFilter.class);
		headers(http);
		return http.build();
	}

	@Bean
	@ConditionalOnWebApplication
	@Order(2)
	SecurityFilterChain pageFilterChain(HttpSecurity http, SignInAttempts attempts, SessionRegistry sessions,
			SecuritySettings settings, JdbcClient jdbc) throws Exception {
		http.authorizeHttpRequests(auth -> auth
			.requestMatchers("/", "/public/**", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/login", "/error")
			.permitAll()
			.requestMatchers("/admin/**")
			.hasRole(Role.COUNTY_ADMIN.name())
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/staff", true).permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/").permitAll())
			// a new session at sign-in, so that its creation time is the sign-in's
			// (AccountStateFilter)
			.sessionManagement(s -> s.sessionFixation(f -> f.migrateSession())
				.maximumSessions(-1)
				.sessionRegistry(sessions)
				.expiredUrl("/login?expired"))
			.addFilterBefore(new SignInThrottleFilter(attempts), UsernamePasswordAuthenticationFilter.class)
			.addFilterAfter(new AccountStateFilter(settings.sessionMaxAge(), changedAt(jdbc)),
					UsernamePasswordAuthenticationFilter.class);
		headers(http);
		return http.build();
	}

	private static Function<String, Instant> changedAt(JdbcClient jdbc) {
		return username -> jdbc.sql("select changed_at from plt_user where username = ? and enabled")
			.param(username)
			.query((rs, i) -> rs.getTimestamp(1).toInstant())
			.optional()
			.orElse(null);
	}

	private static void headers(HttpSecurity http) throws Exception {
		http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
			.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.permissionsPolicyHeader(p -> p.policy(PERMISSIONS)));
	}

	/** Sign-in failures reach {@link SignInAuditor} from every authentication manager. */
	@Bean
	AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
		return new DefaultAuthenticationEventPublisher(events);
	}

	/**
	 * Passwords checked against {@code plt_user}; an account still locked by failed
	 * sign-ins is refused before its password is checked, whatever path the request took.
	 */
	@Bean
	DaoAuthenticationProvider authenticationProvider(UserDetailsService users, PasswordEncoder encoder,
			SignInAttempts attempts) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users) {
			@Override
			public Authentication authenticate(Authentication request) {
				// the address's lock too, whichever filter brought the credentials
				String address = request.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress()
						: null;
				if (!attempts.locked(String.valueOf(request.getName()).trim(), address).isZero()) {
					throw new LockedException("locked after failed sign-ins");
				}
				return super.authenticate(request);
			}

			@Override
			protected Authentication createSuccessAuthentication(Object principal, Authentication authentication,
					UserDetails user) {
				// the session keeps the user without the password's hash
				Object kept = principal instanceof StaffUser u ? u.withoutPassword() : principal;
				return super.createSuccessAuthentication(kept, authentication, user);
			}
		};
		provider.setPasswordEncoder(encoder);
		provider.setPreAuthenticationChecks(user -> {
			if (!attempts.locked(user.getUsername(), null).isZero()) {
				throw new LockedException("locked after failed sign-ins");
			}
			if (!user.isEnabled()) {
				throw new DisabledException("disabled");
			}
		});
		return provider;
	}

	/**
	 * The sessions of all instances, in the database (Spring Session JDBC): ending a
	 * user's sessions on one instance ends them on all. A command, which serves no pages,
	 * keeps an empty registry of its own.
	 */
	@Bean
	@SuppressWarnings({ "rawtypes", "unchecked" })
	SessionRegistry sessionRegistry(ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
		FindByIndexNameSessionRepository<?> repository = sessions.getIfAvailable();
		return repository != null ? new SpringSessionBackedSessionRegistry(repository) : new SessionRegistryImpl();
	}

	@Bean
	HttpSessionEventPublisher httpSessionEventPublisher() {
		return new HttpSessionEventPublisher();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService userDetailsService(JdbcClient jdbc) {
		return username -> jdbc
			.sql("""
					select username, display_name, password_hash, role, region_code, enabled, person_id, must_change_password,
					       changed_at
					from plt_user where username = ?""")
			.param(username)
			.query((rs, i) -> new StaffUser(rs.getString(1), rs.getString(2), rs.getString(3), Role.of(rs.getString(4)),
					rs.getString(5), rs.getBoolean(6), rs.getString(7), rs.getBoolean(8),
					rs.getTimestamp(9).toInstant()))
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException("no such user"));
	}

	@Bean
	Scopes scopes(UserDetailsService users) {
		return () -> {
			Authentication auth = SecurityContextHolder.getContext().getAuthentication();
			if (auth == null || !auth.isAuthenticated()) {
				throw new AccessDeniedException("not signed in");
			}
			if (auth.getPrincipal() instanceof StaffUser u) {
				return new Scope(u.username(), u.role(), u.regionCode(), u.personId());
			}
			// e.g. a test's mock user: look the account up
			StaffUser u = (StaffUser) users.loadUserByUsername(auth.getName());
			return new Scope(u.username(), u.role(), u.regionCode(), u.personId());
		};
	}

}
