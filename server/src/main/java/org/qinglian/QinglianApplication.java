package org.qinglian;

import org.qinglian.platform.EarlyStart;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import java.util.Arrays;

/**
 * Qinglian (清廉), a grassroots public-power supervision platform. One jar: {@code serve}
 * (the default) starts the web application; the other first arguments run one command and
 * exit.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QinglianApplication {

	public static void main(String[] args) {
		SpringApplication app = new SpringApplication(QinglianApplication.class);
		// a first argument that is a word names a command (an unknown one gets the
		// usage); none, "serve" or
		// Spring options (--server.port=…) start the web platform
		boolean command = args.length > 0 && !args[0].startsWith("-") && !args[0].equals("serve");
		if (args.length > 0 && args[0].equals("serve")) {
			args = Arrays.copyOfRange(args, 1, args.length);
		}
		// the embedded database starts while Spring does
		EarlyStart.beforeSpring(args);
		if (command) {
			app.setWebApplicationType(WebApplicationType.NONE);
			app.setAdditionalProfiles("cli");
			app.setLogStartupInfo(false);
		}
		if (!command) {
			app.run(args);
			return;
		}
		try {
			System.exit(SpringApplication.exit(app.run(args)));
		}
		catch (Error ex) {
			// out of memory, say: said in one line, and the process ends (a thread left
			// running must not keep it waiting)
			System.err.println("qinglian " + args[0] + ": " + ex);
			System.exit(1);
		}
		catch (RuntimeException ex) {
			// a command says what went wrong in one line, not with a stack trace
			// the first exception past Spring's own wrappers says what is wrong
			Throwable cause = ex;
			while (cause.getCause() != null && cause.getCause() != cause
					&& cause.getClass().getName().startsWith("org.springframework.")) {
				cause = cause.getCause();
			}
			System.err.println("qinglian " + args[0] + ": " + cause.getMessage());
			System.exit(1);
		}
	}

}
