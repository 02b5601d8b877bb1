package org.jalchemy.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 in front of a database server, for fault tests: it forwards bytes both
 * ways until told to misbehave.
 *
 * <ul>
 *   <li>{@link Mode#FORWARD}: a transparent pipe.</li>
 *   <li>{@link Mode#FREEZE}: a silent server. Sockets stay open, nothing is forwarded either way
 *       (bytes read meanwhile are held back), new connections are accepted and never answered.
 *       Switching back to FORWARD delivers what was held.</li>
 *   <li>{@link Mode#CUT_ON_REPLY}: requests still reach the server, but the first bytes of any
 *       reply make the proxy close both sides instead of forwarding them: the server executes a
 *       statement (a COMMIT, say) and the client never hears the answer.</li>
 * </ul>
 * {@link #dropAll()} closes every proxied connection at once (a network cut).
 *
 * <p>Every thread is a daemon and ends when its sockets close; {@link #close()} closes them all.
 * Blocking waits poll every 20 ms so a FREEZE never outlives the proxy.
 */
public final class FaultProxy implements AutoCloseable {
    /** What the proxy does with traffic; see the class comment. */
    public enum Mode { FORWARD, FREEZE, CUT_ON_REPLY }

    private static final AtomicInteger SEQ = new AtomicInteger();

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private volatile Mode mode = Mode.FORWARD;
    private volatile boolean closed;
    private final AtomicInteger accepted = new AtomicInteger();

    public FaultProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "fault-proxy-accept-" + SEQ.incrementAndGet());
        t.setDaemon(true);
        t.start();
    }

    /** The port clients connect to. */
    public int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far. */
    public int accepted() {
        return accepted.get();
    }

    public void mode(Mode m) {
        synchronized (lock) {
            mode = m;
            lock.notifyAll();
        }
    }

    /** Closes every proxied connection (both sides); the proxy keeps accepting new ones. */
    public void dropAll() {
        for (Socket s : sockets) {
            closeQuietly(s);
        }
        sockets.clear();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            accepted.incrementAndGet();
            sockets.add(client);
            Thread t = new Thread(() -> connect(client), "fault-proxy-conn");
            t.setDaemon(true);
            t.start();
        }
    }

    private void connect(Socket client) {
        try {
            awaitNotFrozen();
            if (closed || client.isClosed()) {
                closeQuietly(client);
                return;
            }
            Socket upstream = new Socket(targetHost, targetPort);
            upstream.setTcpNoDelay(true);
            client.setTcpNoDelay(true);
            sockets.add(upstream);
            Thread up = new Thread(() -> pump(client, upstream, false), "fault-proxy-up");
            Thread down = new Thread(() -> pump(upstream, client, true), "fault-proxy-down");
            up.setDaemon(true);
            down.setDaemon(true);
            up.start();
            down.start();
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private void pump(Socket from, Socket to, boolean reply) {
        byte[] buf = new byte[16384];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            while (!closed) {
                int n = in.read(buf);
                if (n < 0) {
                    break;
                }
                awaitNotFrozen();
                if (reply && mode == Mode.CUT_ON_REPLY) {
                    break; // the reply is lost: close both sides below
                }
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException ignored) {
            // one side went away: close the other below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void awaitNotFrozen() {
        synchronized (lock) {
            while (mode == Mode.FREEZE && !closed) {
                try {
                    lock.wait(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        mode(Mode.FORWARD);
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        dropAll();
    }
}
