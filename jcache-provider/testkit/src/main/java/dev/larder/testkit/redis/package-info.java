/**
 * Real {@code redis-server} processes for tests, never mocks: {@link
 * dev.larder.testkit.redis.RedisServer} (one node), {@link dev.larder.testkit.redis.RedisCluster}
 * (three masters), {@link dev.larder.testkit.redis.RedisTlsServer} (TLS only, certificates made for
 * the run) and {@link dev.larder.testkit.redis.RedisSentinel} (a master and one sentinel), each on
 * free ports of 127.0.0.1 and never the machine's own Redis, plus the JUnit 5 {@link
 * dev.larder.testkit.redis.RedisServerExtension}.
 *
 * <p>The binary comes from {@code $REDIS_SERVER}, else {@code PATH}, else the embedded-redis jar
 * ({@link dev.larder.testkit.redis.RedisBinary}). Processes die with the JVM: a shutdown hook
 * closes open servers, and a stdin watchdog kills them even if the JVM is killed outright.
 *
 * <p>Server-side round trips are counted with {@link
 * dev.larder.testkit.redis.RedisEndpoint#commandStats()} ({@code INFO commandstats}).
 */
package dev.larder.testkit.redis;
