/**
 * What the public sees (公开): every village's records (vouchers, contracts and leases,
 * assets, projects with their bills of quantities, subsidies paid, uses of power with
 * their steps) published as versions, each with the SHA-256 of its content; a correction
 * is a new version with its reason, and the county's publication log is a hash chain
 * anyone can verify (a public page, the command {@code disclosure verify}). An import
 * publishes what it brings; what a village enters on the platform waits for the village's
 * own act of publication, which is audited. The portal's pages, the notice-board sheet
 * (A4 PDF with a QR code per sheet) and the village's desk live in {@code web}. It reads
 * the tables of assets, powerlist and jurisdiction in SQL (the view {@code dis_content}
 * of its migration, the desk's lists, the verdicts), read-only, as the risk library does,
 * and writes them only through {@code VillageBooks} and {@code PowerList}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Disclosure",
		allowedDependencies = { "platform", "jurisdiction", "powerlist", "assets", "network", "web" })
package org.qinglian.disclosure;
