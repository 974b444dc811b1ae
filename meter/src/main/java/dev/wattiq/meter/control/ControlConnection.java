package dev.wattiq.meter.control;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One client connection: reads newline-terminated requests into a fixed buffer (a longer line is answered with an
 * error and skipped up to its newline), answers each in order, and writes the replies of one read together (a client
 * that pipelines many requests gets them in one write). Closes after {@link ControlLimits#maxBadInARow()} unparsable
 * requests in a row.
 */
final class ControlConnection implements Runnable {
    private final SocketChannel channel;
    private final ControlSession session;
    private final ControlLimits limits;
    private final Consumer<ControlConnection> onEnd;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private volatile boolean shuttingDown;
    private int badInARow;

    ControlConnection(SocketChannel channel, ControlSession session, ControlLimits limits, Consumer<ControlConnection> onEnd) {
        this.channel = channel;
        this.session = session;
        this.limits = limits;
        this.onEnd = onEnd;
    }

    /** Answers one error line and closes: for a connection over the limit. */
    static void refuse(SocketChannel ch, String why) {
        try (ch) {
            ch.write(ByteBuffer.wrap((ControlReplies.error(null, why) + "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (IOException ignored) {
            // the client went away first
        }
    }

    @Override
    public void run() {
        ByteBuffer in = ByteBuffer.allocate(limits.maxLineBytes());
        StringBuilder out = new StringBuilder();
        boolean skipping = false; // inside a line that was too long: drop bytes up to its newline
        try {
            while (!shuttingDown) {
                if (channel.read(in) < 0) break;
                int start = 0;
                int end = in.position();
                byte[] a = in.array();
                boolean close = false;
                for (int i = 0; i < end && !close; i++) {
                    if (a[i] != '\n') continue;
                    if (skipping) {
                        skipping = false;
                    } else {
                        close = answer(a, start, i, out);
                    }
                    start = i + 1;
                }
                if (close) {
                    send(out);
                    return;
                }
                in.position(start);
                in.limit(end);
                in.compact();
                if (!in.hasRemaining()) { // a full buffer and no newline in it
                    if (!skipping && bad(ControlReplies.error(null, "bad request: longer than " + limits.maxLineBytes()
                            + " bytes without a newline; send one JSON object per line (window names are at most " + limits.maxNameChars()
                            + " characters)"), out)) {
                        send(out);
                        return;
                    }
                    skipping = true;
                    in.clear();
                }
                send(out);
            }
        } catch (IOException e) {
            // the client went away, or wattiq closed the connection at the end of the run
        } finally {
            try {
                session.closeAll(shuttingDown ? "closed by wattiq: the command ended with this window open"
                        : "closed by wattiq: the client disconnected with this window open");
            } catch (RuntimeException e) {
                // the meter is gone: nothing more to record
            }
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing
            }
            onEnd.accept(this);
            ended.countDown();
        }
    }

    /** Answers the line a[from, to); true when the connection must close (too many bad requests in a row). */
    private boolean answer(byte[] a, int from, int to, StringBuilder out) {
        if (to > from && a[to - 1] == '\r') to--;
        if (to == from) return false; // blank lines are ignored
        String line;
        try {
            line = utf8.decode(ByteBuffer.wrap(a, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            return bad(ControlReplies.error(null, "bad request: not UTF-8 text; send one JSON object per line"), out);
        }
        try {
            out.append(session.handle(line)).append('\n');
            badInARow = 0;
            return false;
        } catch (ControlSession.BadRequest b) {
            return bad(b.reply, out);
        }
    }

    private boolean bad(String reply, StringBuilder out) {
        out.append(reply).append('\n');
        if (++badInARow < limits.maxBadInARow()) return false;
        out.append(ControlReplies.error(null, "closing this connection: " + badInARow
                + " bad requests in a row (is this a WattIQ client? see docs/python.md for the protocol)")).append('\n');
        return true;
    }

    private void send(StringBuilder out) throws IOException {
        if (out.isEmpty()) return;
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(out));
        out.setLength(0);
        while (b.hasRemaining()) channel.write(b);
    }

    /** Closes the connection from another thread; its reader ends and closes the windows left open. */
    void shutdown() {
        shuttingDown = true;
        try {
            channel.shutdownInput();
        } catch (IOException ignored) {
            // already closed
        }
    }

    void awaitEnd(long millis) {
        try {
            if (!ended.await(millis, TimeUnit.MILLISECONDS)) channel.close(); // stuck writing to a client that does not read
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // closing
        }
    }
}
