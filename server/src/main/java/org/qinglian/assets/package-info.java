/**
 * The three assets (三资): vouchers, assets, contracts, projects with bills of quantities,
 * reference prices, subsidy payments, and the external registries used for comparison.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Three assets",
		allowedDependencies = { "platform", "jurisdiction", "web" })
package org.qinglian.assets;
