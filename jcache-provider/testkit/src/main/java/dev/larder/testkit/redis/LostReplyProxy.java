package dev.larder.testkit.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy on a free port of 127.0.0.1 in front of a server, for tests of lost replies. It
 * forwards bytes both ways; once armed ({@link #loseNextReply()}, {@link #loseNextReplyTo}), it
 * lets the next matching request through to the server, waits until the server starts to answer (so
 * the command has run), and then closes that client connection instead of forwarding the answer.
 * The client sees its connection closed, for a command the server applied.
 *
 * <pre>{@code
 * try (LostReplyProxy proxy = LostReplyProxy.inFrontOf(redis.get())) {
 *   URI uri = URI.create("redis://127.0.0.1:" + proxy.port());
 *   proxy.loseNextReplyTo("SET");
 *   // ... a put through a client on uri fails with a connection error, and the value is stored
 *   assertEquals(1, proxy.lostReplies());
 * }
 * }</pre>
 *
 * <p>What it assumes, which holds for Jedis and the testkit's own connection on loopback: a client
 * sends a request (or a pipeline of them) and reads the answers before it sends more, so the first
 * bytes the server sends after a request belong to its answer; and a request's first bytes arrive
 * in one read, so its RESP command name is found at the start of that read. Everything the server
 * sends on a connection that lost a reply is dropped; the connection is then closed towards the
 * server with a half-close, so the server still runs whatever it had received.
 *
 * <p>Bounded: at most {@code maxConnections} open client connections (more are closed at once), one
 * accepting thread and two forwarding threads per connection, all daemons; {@link #close()} closes
 * every connection and waits for the threads to end. Thread-safe.
 */
public final class LostReplyProxy implements AutoCloseable {

  /** The default bound on open client connections; Larder's pool defaults to 16. */
  public static final int MAX_CONNECTIONS = 64;

  private static final int CONNECT_TIMEOUT_MILLIS = 2_000;
  private static final int BUFFER_BYTES = 16 * 1024;
  private static final Duration CLOSE_PATIENCE = Duration.ofSeconds(5);
  private static final int PORT_ATTEMPTS = 5;

  /** Which requests lose their reply: any, or those whose command name is in the set. */
  private record Arming(Set<String> commands) {
    boolean matches(String command) {
      return commands.isEmpty() || (command != null && commands.contains(command));
    }
  }

  private final InetSocketAddress target;
  private final int maxConnections;
  private final ServerSocket listener;
  private final Thread acceptor;
  private final Set<Link> links = ConcurrentHashMap.newKeySet();
  private final AtomicReference<Arming> armed = new AtomicReference<>();
  private final AtomicInteger lostReplies = new AtomicInteger();
  private final AtomicInteger roundTrips = new AtomicInteger();
  private volatile boolean closed;

  private LostReplyProxy(InetSocketAddress target, int maxConnections, ServerSocket listener) {
    this.target = target;
    this.maxConnections = maxConnections;
    this.listener = listener;
    this.acceptor = new Thread(this::accept, "lost-reply-proxy-" + port() + "-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A proxy in front of {@code node} ({@link RedisNode#address()}). */
  public static LostReplyProxy inFrontOf(RedisNode node) {
    return start(node.address(), MAX_CONNECTIONS);
  }

  /** A proxy in front of {@code target}, for at most {@code maxConnections} open connections. */
  public static LostReplyProxy start(InetSocketAddress target, int maxConnections) {
    Objects.requireNonNull(target, "target");
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be at least 1: " + maxConnections);
    }
    for (int attempt = 1; ; attempt++) {
      ServerSocket listener = null;
      try {
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress(RedisNode.HOST, FreePorts.pick(false)), 50);
        return new LostReplyProxy(target, maxConnections, listener);
      } catch (IOException e) {
        closeQuietly(listener);
        if (attempt == PORT_ATTEMPTS) {
          throw new UncheckedIOException("cannot listen on a free port of " + RedisNode.HOST, e);
        }
      }
    }
  }

  /** Always 127.0.0.1. */
  public String host() {
    return RedisNode.HOST;
  }

  /** The port clients connect to instead of the target's. */
  public int port() {
    return listener.getLocalPort();
  }

  /** {@link #host()} and {@link #port()}. */
  public InetSocketAddress address() {
    return new InetSocketAddress(host(), port());
  }

  /** Arms the proxy: the reply to the next request, whatever it is, is lost. Once. */
  public void loseNextReply() {
    armed.set(new Arming(Set.of()));
  }

  /**
   * Arms the proxy: the reply to the next request whose command is one of {@code commands} (RESP
   * command names, any case, e.g. {@code "SET"}, {@code "EVALSHA"}) is lost. Once; other requests
   * pass meanwhile.
   */
  public void loseNextReplyTo(String... commands) {
    if (commands.length == 0) {
      throw new IllegalArgumentException("name at least one command, or use loseNextReply()");
    }
    Set<String> names = new HashSet<>();
    for (String command : commands) {
      names.add(command.toUpperCase(Locale.ROOT));
    }
    armed.set(new Arming(Set.copyOf(names)));
  }

  /** Whether a reply is still to be lost. */
  public boolean isArmed() {
    return armed.get() != null;
  }

  /** Loses no reply (any more). */
  public void disarm() {
    armed.set(null);
  }

  /** How many replies were lost: requests the server answered and the client never heard of. */
  public int lostReplies() {
    return lostReplies.get();
  }

  /**
   * How many round trips clients made through this proxy: request bursts sent after the previous
   * reply on their connection began (a pipeline is one; a request that waits for a reply, then
   * another, are two). For budgets of small operations; a pipeline larger than a socket read may
   * count twice.
   */
  public int roundTrips() {
    return roundTrips.get();
  }

  /** How many client connections are open now. */
  public int openConnections() {
    return links.size();
  }

  /** Closes the listener and every connection, and waits for the threads to end. Idempotent. */
  @Override
  public void close() {
    closed = true;
    closeQuietly(listener);
    List<Thread> threads = new ArrayList<>();
    threads.add(acceptor);
    for (Link link : links) {
      link.close();
      threads.addAll(link.threads);
    }
    long deadline = System.nanoTime() + CLOSE_PATIENCE.toNanos();
    for (Thread thread : threads) {
      long left = deadline - System.nanoTime();
      if (thread == Thread.currentThread() || left <= 0) {
        continue;
      }
      try {
        thread.join(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public String toString() {
    return "LostReplyProxy{" + host() + ":" + port() + " -> " + target + "}";
  }

  private void accept() {
    while (!closed) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return; // the listener was closed
      }
      if (links.size() >= maxConnections) {
        closeQuietly(client);
        continue;
      }
      Socket server = new Socket();
      try {
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
        server.connect(target, CONNECT_TIMEOUT_MILLIS);
      } catch (IOException e) {
        closeQuietly(server);
        closeQuietly(client);
        continue;
      }
      Link link = new Link(client, server);
      links.add(link);
      if (closed) {
        link.close(); // close() ran meanwhile and did not see this link
        return;
      }
      link.start();
    }
  }

  /**
   * The RESP command name at the start of {@code bytes} ({@code *n $len NAME}), upper-cased, or
   * null if they do not start with a whole one.
   */
  static String commandName(byte[] bytes, int length) {
    if (length < 1 || bytes[0] != '*') {
      return null;
    }
    int at = lineEnd(bytes, 1, length);
    if (at < 0 || at + 2 >= length || bytes[at + 2] != '$') {
      return null;
    }
    int lengthEnd = lineEnd(bytes, at + 3, length);
    if (lengthEnd < 0) {
      return null;
    }
    int nameLength;
    try {
      nameLength =
          Integer.parseInt(
              new String(bytes, at + 3, lengthEnd - (at + 3), StandardCharsets.US_ASCII));
    } catch (NumberFormatException e) {
      return null;
    }
    int nameStart = lengthEnd + 2;
    if (nameLength < 0 || nameStart + nameLength > length) {
      return null;
    }
    return new String(bytes, nameStart, nameLength, StandardCharsets.US_ASCII)
        .toUpperCase(Locale.ROOT);
  }

  /** The index of the CR of the first CRLF at or after {@code from}, or -1. */
  private static int lineEnd(byte[] bytes, int from, int length) {
    for (int i = from; i + 1 < length; i++) {
      if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static void closeQuietly(java.io.Closeable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (IOException e) {
      // closing anyway: nothing to report
    }
  }

  /** One client connection and its own connection to the target. */
  private final class Link {
    /** A request went out on this connection and no reply has come back yet. */
    volatile boolean awaitingReply;

    final Socket client;
    final Socket server;
    final List<Thread> threads = new ArrayList<>(2);
    volatile boolean losing;

    Link(Socket client, Socket server) {
      this.client = client;
      this.server = server;
      String name = "lost-reply-proxy-" + port() + "-" + client.getPort();
      threads.add(new Thread(this::requests, name + "-requests"));
      threads.add(new Thread(this::replies, name + "-replies"));
      threads.forEach(thread -> thread.setDaemon(true));
    }

    void start() {
      threads.forEach(Thread::start);
    }

    /** Client to server; marks this connection as losing when a request matches the arming. */
    private void requests() {
      byte[] buffer = new byte[BUFFER_BYTES];
      try {
        InputStream in = client.getInputStream();
        OutputStream out = server.getOutputStream();
        int read;
        while ((read = in.read(buffer)) != -1) {
          if (!awaitingReply) {
            awaitingReply = true;
            roundTrips.incrementAndGet();
          }
          if (!losing) {
            Arming arming = armed.get();
            if (arming != null
                && arming.matches(commandName(buffer, read))
                && armed.compareAndSet(arming, null)) {
              losing = true; // before the request leaves, so no byte of its reply goes back
            }
          }
          out.write(buffer, 0, read);
          out.flush();
        }
      } catch (IOException e) {
        // the client went away, or this link was closed
      }
      // the server runs what it already received, then sees the end and closes its side,
      // which ends replies() and the link
      try {
        server.shutdownOutput();
      } catch (IOException e) {
        close();
      }
    }

    /** Server to client, except on a connection that lost a reply. */
    private void replies() {
      byte[] buffer = new byte[BUFFER_BYTES];
      boolean lost = false;
      try {
        InputStream in = server.getInputStream();
        OutputStream out = client.getOutputStream();
        int read;
        while ((read = in.read(buffer)) != -1) {
          if (losing) {
            if (!lost) {
              lost = true;
              lostReplies.incrementAndGet();
              closeQuietly(client); // the client hears nothing more; requests() half-closes
            }
            continue;
          }
          awaitingReply = false; // before the client can see the reply and send again
          out.write(buffer, 0, read);
          out.flush();
        }
      } catch (IOException e) {
        // the server went away, or this link was closed
      }
      close(); // whatever the client still sends has no one to answer it
    }

    /** Closes both sockets, which ends both threads, and forgets the link. Idempotent. */
    void close() {
      closeQuietly(client);
      closeQuietly(server);
      links.remove(this);
    }
  }
}
