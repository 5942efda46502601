package org.qinglian.platform.audit;

/**
 * The operating-system account this process runs as, as the kernel reports it (the owner
 * of the process), not the {@code user.name} property that anyone can set on the command
 * line.
 */
final class OperatingSystemAccount {

	private static final String NAME = ProcessHandle.current().info().user().orElse("unknown");

	private OperatingSystemAccount() {
	}

	static String name() {
		return NAME;
	}

}
