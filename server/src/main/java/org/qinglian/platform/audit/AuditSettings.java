package org.qinglian.platform.audit;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the audit log's checkpoints are written ({@code QINGLIAN_AUDIT_CHECKPOINT_DIR}),
 * outside the database and the data directory, and how often.
 *
 * @param checkpointDir the directory of {@code checkpoints.log}
 * @param checkpointInterval how often the head is written there while it moves (and
 * always at shutdown)
 */
@ConfigurationProperties("qinglian.audit")
public record AuditSettings(@DefaultValue("audit") Path checkpointDir,
		@DefaultValue("5m") Duration checkpointInterval) {
}
