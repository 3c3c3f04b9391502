package io.tessera.catalogserver.journal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This node's name: {@code tessera.cluster.node-id}, or else the host name. */
final class NodeId {
  private NodeId() {}

  static String orDefault(String configured) {
    if (configured != null && !configured.isBlank()) {
      return configured.strip();
    }
    try {
      return InetAddress.getLocalHost().getHostName() + "-" + ProcessHandle.current().pid();
    } catch (UnknownHostException e) {
      return "node-" + ProcessHandle.current().pid();
    }
  }
}
