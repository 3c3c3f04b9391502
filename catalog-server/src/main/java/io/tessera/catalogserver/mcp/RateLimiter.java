package io.tessera.catalogserver.mcp;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per API token (or JWT subject): {@code tessera.mcp.rate-limit} calls a minute,
 * refilled continuously, so a burst of up to a minute's calls passes and then one call every {@code
 * 60 / limit} seconds.
 */
@Singleton
public class RateLimiter {
  private static final int MAX_BUCKETS = 10_000;

  private final int perMinute;
  private final Clock clock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimiter(McpConfig config) {
    this(config.rateLimit(), Clock.systemUTC());
  }

  RateLimiter(int perMinute, Clock clock) {
    this.perMinute = Math.max(1, perMinute);
    this.clock = clock;
  }

  /** The calls a minute each key may make. */
  public int perMinute() {
    return perMinute;
  }

  /**
   * Takes one call from the key's bucket.
   *
   * @return 0 when the call may go ahead, else the seconds until the next call may
   */
  public long acquire(String key) {
    if (buckets.size() >= MAX_BUCKETS && !buckets.containsKey(key)) {
      buckets.clear();
    }
    Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(perMinute, clock.millis()));
    synchronized (bucket) {
      long now = clock.millis();
      bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.at) * perMinute / 60_000.0);
      bucket.at = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - bucket.tokens) * 60.0 / perMinute));
    }
  }

  private static final class Bucket {
    double tokens;
    long at;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
    }
  }
}
