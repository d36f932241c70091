package dev.larder.testkit.redis;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One RESP2 connection for the testkit's own commands (PING, INFO, CLUSTER ...), so the testkit
 * needs no client library. Not thread-safe; opened per call and closed right after.
 *
 * <p>Replies: simple strings as {@link String}, integers as {@link Long}, bulk strings as {@code
 * byte[]}, arrays as {@link List}, nil as {@code null}; error replies throw {@link
 * RedisCommandException}.
 */
final class RespConnection implements Closeable {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  private RespConnection(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new BufferedInputStream(socket.getInputStream());
    this.out = new BufferedOutputStream(socket.getOutputStream());
  }

  /**
   * Connects to {@code address}, over TLS with hostname verification if {@code tls} is not null.
   */
  static RespConnection open(InetSocketAddress address, SSLContext tls) throws IOException {
    Socket socket = tls == null ? new Socket() : tls.getSocketFactory().createSocket();
    try {
      socket.connect(address, (int) CONNECT_TIMEOUT.toMillis());
      socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
      socket.setTcpNoDelay(true);
      if (socket instanceof SSLSocket ssl) {
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        ssl.setSSLParameters(parameters);
        ssl.startHandshake();
      }
      return new RespConnection(socket);
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /** Sends one command whose arguments are {@link String}s (UTF-8) or {@code byte[]}s. */
  Object call(Object... arguments) throws IOException {
    out.write(
        ('*' + Integer.toString(arguments.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    for (Object argument : arguments) {
      byte[] bytes =
          argument instanceof byte[] raw
              ? raw
              : argument.toString().getBytes(StandardCharsets.UTF_8);
      out.write(
          ('$' + Integer.toString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.write('\r');
      out.write('\n');
    }
    out.flush();
    return readReply();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /** Replaces every bulk string in {@code reply} (at any depth) by its UTF-8 text. */
  static Object decodeBulkStrings(Object reply) {
    if (reply instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    if (reply instanceof List<?> list) {
      List<Object> decoded = new ArrayList<>(list.size());
      for (Object element : list) {
        decoded.add(decodeBulkStrings(element));
      }
      return decoded;
    }
    return reply;
  }

  private Object readReply() throws IOException {
    int type = in.read();
    if (type == -1) {
      throw new EOFException("the server closed the connection");
    }
    String line = readLine();
    switch (type) {
      case '+':
        return line;
      case '-':
        throw new RedisCommandException(line);
      case ':':
        return Long.parseLong(line);
      case '$':
        return readBulk(Integer.parseInt(line));
      case '*':
        int count = Integer.parseInt(line);
        if (count < 0) {
          return null;
        }
        List<Object> elements = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          elements.add(readReply());
        }
        return elements;
      default:
        throw new ProtocolException("unexpected RESP type '" + (char) type + "' " + line);
    }
  }

  private byte[] readBulk(int length) throws IOException {
    if (length < 0) {
      return null;
    }
    byte[] bytes = in.readNBytes(length);
    if (bytes.length < length || in.read() != '\r' || in.read() != '\n') {
      throw new EOFException("the server closed the connection inside a reply");
    }
    return bytes;
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b == -1) {
        throw new EOFException("the server closed the connection inside a reply");
      }
      if (b == '\r') {
        if (in.read() != '\n') {
          throw new ProtocolException("a reply line does not end with CRLF");
        }
        return line.toString(StandardCharsets.UTF_8);
      }
      line.write(b);
    }
  }
}
