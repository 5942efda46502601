/**
 * The supervision network (一村一格、一镇一网): each village a grid cell with its supervision
 * committee (村监委) and information officers (监察信息员), read from the registry's positions;
 * each township a network of liaison stations (联络站) that take villagers' matters as
 * orders (接单); on-site verifications (现场核实) of the steps of uses of power; the political
 * supervision list (政治监督清单) of major projects with milestones, tasks owned by township or
 * village (镇村联动), problems found and solved, and progress; each township's
 * integrity-culture programme (一镇一品). Accusations a station takes go to {@code intake} as
 * reports. It reads the tables of jurisdiction, powerlist, assets ({@code ast_project}
 * flagged {@code supervised}) and intake in SQL, read-only, and writes them only through
 * their APIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Network",
		allowedDependencies = { "platform", "jurisdiction", "powerlist", "assets", "intake", "casework", "web" })
package org.qinglian.network;
