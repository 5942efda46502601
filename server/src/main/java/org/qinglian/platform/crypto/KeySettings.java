package org.qinglian.platform.crypto;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the keysets live ({@code QINGLIAN_KEYS_DIR}): by default {@code ./keys}, beside
 * and not inside the data directory, so that a copy of the data is not also a copy of the
 * keys. Back it up apart from the data.
 *
 * @param dir the directory of the keyset files
 */
@ConfigurationProperties("qinglian.keys")
public record KeySettings(@DefaultValue("keys") Path dir) {
}
