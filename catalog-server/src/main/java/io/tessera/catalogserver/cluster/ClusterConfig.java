package io.tessera.catalogserver.cluster;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Settings of this node among several on one PostgreSQL ({@code tessera.cluster.*}).
 *
 * @param nodeId this node's name in logs, {@code /health} and the journal ({@code
 *     TESSERA_CLUSTER_NODE_ID}); by default the host name and a short hash of the data directory,
 *     so two nodes on one host differ
 * @param leaderCheck how often the leader checks that the connection holding its lock is alive, and
 *     how often the other nodes try to take the lock ({@code TESSERA_CLUSTER_LEADER_CHECK})
 */
@ConfigurationProperties("tessera.cluster")
public record ClusterConfig(
    @Nullable String nodeId, @Bindable(defaultValue = "5s") Duration leaderCheck) {

  public ClusterConfig {
    if (leaderCheck == null || leaderCheck.isNegative() || leaderCheck.isZero()) {
      throw new IllegalArgumentException(
          "tessera.cluster.leader-check (TESSERA_CLUSTER_LEADER_CHECK) must be a positive"
              + " duration: "
              + leaderCheck);
    }
  }

  /** The configured node id, or the host name with a hash of the data directory. */
  public String nodeId(Path dataDir) {
    if (nodeId != null && !nodeId.isBlank()) {
      return nodeId.strip();
    }
    return hostName() + "-" + shortHash(dataDir.toAbsolutePath().normalize().toString());
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      String env = System.getenv("HOSTNAME");
      return env == null || env.isBlank() ? "localhost" : env;
    }
  }

  private static String shortHash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 3);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
