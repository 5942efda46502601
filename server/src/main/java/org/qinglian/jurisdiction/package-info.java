/**
 * The county tree (county, township, village), the people of the county, the positions
 * they hold and when, their kin, and the organizations tied to them (jurisdiction,
 * 辖区与人员).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Jurisdiction",
		allowedDependencies = { "platform", "web" })
package org.qinglian.jurisdiction;
