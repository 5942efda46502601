package org.qinglian;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

import org.qinglian.platform.Exchange;
import org.qinglian.platform.Role;
import org.qinglian.platform.UserAccounts;
import org.qinglian.platform.UserAccounts.NewUser;
import org.qinglian.risk.RiskLibrary;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The labelled sample county of {@code ../shared/data/dev-sample} (two townships, 16
 * villages, 2019-2020) as the web and browser tests use it: imported and scanned once per
 * test database, with the accounts a test asks for. Every {@link IntegrationTest} has it.
 */
@TestComponent
public class SampleCounty {

	public static final String COUNTY = "330683000000";

	/** 甘霖镇, the first township. */
	public static final String GANLIN = "330683101000";

	/** 长乐镇, the second township. */
	public static final String CHANGLE = "330683102000";

	/** The password of every account a test makes here. */
	public static final String PASSWORD = "sample-county-password";

	private final Exchange exchange;

	private final RiskLibrary risk;

	private final UserAccounts users;

	private final UserDetailsService userDetails;

	private final JdbcClient jdbc;

	SampleCounty(Exchange exchange, RiskLibrary risk, UserAccounts users, UserDetailsService userDetails,
			JdbcClient jdbc) {
		this.exchange = exchange;
		this.risk = risk;
		this.users = users;
		this.userDetails = userDetails;
		this.jdbc = jdbc;
	}

	/** Where the sample bundle is: beside the project. */
	public static Path bundle() {
		return beside("dev-sample");
	}

	/**
	 * A bundle of {@code ../shared/data} beside the project (the tests run in
	 * {@code server/}).
	 * @param name the bundle's folder
	 * @return its path
	 */
	public static Path beside(String name) {
		for (Path p : new Path[] { Path.of("../../shared/data", name), Path.of("../shared/data", name) }) {
			if (Files.isDirectory(p)) {
				return p.toAbsolutePath().normalize();
			}
		}
		throw new IllegalStateException("../shared/data/" + name + " is not beside the project");
	}

	/** The county imported and scanned, unless this test database already has it. */
	public SampleCounty loaded() {
		if (jdbc.sql("select count(*) from jur_region").query(Long.class).single() == 0) {
			exchange.importBundle(bundle(), Exchange.Progress.NONE);
			// what the import sets off (conformance, publication, the scan) done first
			exchange.awaitFollowUps(Duration.ofMinutes(2));
			risk.scan(RiskLibrary.ScanProgress.NONE);
		}
		return this;
	}

	/**
	 * An account with {@link #PASSWORD}, made unless it exists; it need not change its
	 * password.
	 */
	public SampleCounty withUser(String username, Role role, String regionCode) {
		return withUser(username, role, regionCode, null);
	}

	/**
	 * The same, for an account linked to a person of the registry (whose recusal
	 * applies).
	 */
	public SampleCounty withUser(String username, Role role, String regionCode, String personId) {
		if (jdbc.sql("select count(*) from plt_user where username = ?")
			.param(username)
			.query(Long.class)
			.single() == 0) {
			users.create(new NewUser(username, username, PASSWORD, role, regionCode, personId));
		}
		return this;
	}

	/** A request signed in as the account (pages take no HTTP Basic). */
	public RequestPostProcessor signedIn(String username) {
		return user(userDetails.loadUserByUsername(username));
	}

	/**
	 * Runs the work signed in as the account, as a service called directly sees it, and
	 * signs out after.
	 */
	public <T> T as(String username, Supplier<T> work) {
		var details = userDetails.loadUserByUsername(username);
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new UsernamePasswordAuthenticationToken(details, null, details.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
