package org.qinglian.platform.security;

import org.qinglian.platform.Role;
import org.qinglian.platform.Scope;
import org.qinglian.platform.Scopes;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Staff sign in with a form (or HTTP Basic for API clients); the public portal needs no
 * sign-in. Passwords are hashed with bcrypt through the delegating encoder, so that a
 * later algorithm can take over.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	@ConditionalOnWebApplication
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(auth -> auth
			.requestMatchers("/", "/public/**", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/login", "/error")
			.permitAll()
			.requestMatchers("/admin/**")
			.hasRole(Role.COUNTY_ADMIN.name())
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/staff", true).permitAll())
			.httpBasic(Customizer.withDefaults())
			.logout(logout -> logout.logoutSuccessUrl("/").permitAll())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
					"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'")));
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService userDetailsService(JdbcClient jdbc) {
		return username -> jdbc.sql(
				"select username, display_name, password_hash, role, region_code, enabled, person_id from plt_user where username = ?")
			.param(username)
			.query((rs, i) -> new StaffUser(rs.getString(1), rs.getString(2), rs.getString(3), Role.of(rs.getString(4)),
					rs.getString(5), rs.getBoolean(6), rs.getString(7)))
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
