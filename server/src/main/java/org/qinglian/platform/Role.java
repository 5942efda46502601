package org.qinglian.platform;

import java.util.EnumSet;
import java.util.Set;

/** What a user of the platform is, and so what they may do within their region. */
public enum Role {

	/** Administrator of the county commission: users, catalogue, settings. */
	COUNTY_ADMIN(EnumSet.of(Permission.READ_VILLAGE_DATA, Permission.READ_SUPERVISION, Permission.MANAGE_USERS,
			Permission.READ_AUDIT, Permission.READ_PERSONAL_DATA, Permission.EDIT_CATALOGUE, Permission.MANAGE_RULES,
			Permission.TRIAGE_FINDINGS, Permission.RUN_NETWORK, Permission.ASSESS_OFFICES, Permission.EDIT_STANDARDS)),
	/** Staff of the county commission (市纪委监委). */
	COUNTY_STAFF(EnumSet.of(Permission.READ_VILLAGE_DATA, Permission.READ_SUPERVISION, Permission.READ_PERSONAL_DATA,
			Permission.TRIAGE_FINDINGS, Permission.REVEAL_REPORTER, Permission.TAKE_ORDERS, Permission.RUN_NETWORK,
			Permission.ASSESS_OFFICES)),
	/** Staff of a township office (乡镇纪委、监察办). */
	TOWNSHIP_STAFF(EnumSet.of(Permission.READ_VILLAGE_DATA, Permission.READ_SUPERVISION, Permission.READ_PERSONAL_DATA,
			Permission.TRIAGE_FINDINGS, Permission.REVEAL_REPORTER, Permission.TAKE_ORDERS, Permission.RUN_NETWORK)),
	/** Village supervision committee member or information officer (村监委、监察信息员). */
	VILLAGE_MONITOR(EnumSet.of(Permission.READ_VILLAGE_DATA, Permission.RAISE_MATTERS, Permission.TAKE_ORDERS)),
	/** Village cadre: records uses of power, never sees complaints or cases. */
	VILLAGE_CADRE(EnumSet.of(Permission.READ_VILLAGE_DATA, Permission.RECORD_EXERCISES, Permission.KEEP_BOOKS)),
	/** Third-party custodian accountant (代理记账) of a township's villages. */
	CUSTODIAN(EnumSet.of(Permission.READ_VILLAGE_DATA, Permission.KEEP_BOOKS)),
	/** Reads the audit log and verifies its chain. */
	AUDITOR(EnumSet.of(Permission.READ_AUDIT));

	private final Set<Permission> permissions;

	Role(Set<Permission> permissions) {
		this.permissions = permissions;
	}

	public boolean can(Permission permission) {
		return permissions.contains(permission);
	}

	public String code() {
		return name().toLowerCase();
	}

	public static Role of(String code) {
		return valueOf(code.toUpperCase());
	}

	/** The things a role may be allowed to do. */
	public enum Permission {

		/** Village records: power exercises, vouchers, contracts, projects, subsidies. */
		READ_VILLAGE_DATA,
		/** Reports, clues, cases, findings, profiles. */
		READ_SUPERVISION,
		/** Personal data of named people (ID numbers, phones, kin). */
		READ_PERSONAL_DATA,
		/** The accounts of the user's jurisdiction. */
		MANAGE_USERS,
		/** The audit log of the user's jurisdiction. */
		READ_AUDIT,
		/** A village's uses of power. */
		RECORD_EXERCISES,
		/** The county's power list: items, flows, red lines. */
		EDIT_CATALOGUE,
		/** The risk rules' settings (thresholds, windows, ratios). */
		MANAGE_RULES,
		/** Dismiss a finding with a reason, or turn it into a clue. */
		TRIAGE_FINDINGS,
		/**
		 * Reveal a named reporter's identity, with a reason, audited (handling staff, not
		 * administrators).
		 */
		REVEAL_REPORTER,
		/** Raise a matter from one's village (information officers, 村监委). */
		RAISE_MATTERS,
		/**
		 * Book a village's vouchers and contracts and publish its records (village
		 * cadres; custodian accountants for the villages their agency keeps).
		 */
		KEEP_BOOKS,
		/**
		 * Take, assign, answer and close the orders (接单) of the liaison stations serving
		 * one's villages.
		 */
		TAKE_ORDERS,
		/**
		 * Run the network of one's jurisdiction: liaison stations, the political
		 * supervision list, the integrity-culture programme (一镇一品).
		 */
		RUN_NETWORK,
		/**
		 * Assess the township offices against the creation standards: reviewers' scores,
		 * the designation of the year's Fengqiao-style offices (the county).
		 */
		ASSESS_OFFICES,
		/** Edit the creation standards (创建标准): aspects, items, weights, targets. */
		EDIT_STANDARDS

	}

}
