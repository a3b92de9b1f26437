package io.flipflop.media.ingest;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A publisher or player on a raw socket, for driving the server byte by byte. The server's answers are read back
 * with our own chunk decoder (which also applies the Set Chunk Size the server sends).
 */
final class RtmpTestClient implements AutoCloseable {

    static final int STREAM_ID = 1;
    private static final int COMMAND_CHUNK_STREAM = 3;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final EmbeddedChannel answers = new EmbeddedChannel(new ChunkEncoder(),
            new ChunkDecoder(1 << 20, 1 << 20, 64, MessageRate.perSecond(100_000)));
    private double transactions = 1;
    /** Every message read from the server, in order. */
    final List<RtmpMessage> received = new ArrayList<>();

    RtmpTestClient(int port) throws IOException {
        this(port, 0);
    }

    /** @param receiveBuffer the socket's receive buffer in bytes, set before connecting; 0 for the system's */
    RtmpTestClient(int port, int receiveBuffer) throws IOException {
        socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        socket.setSoTimeout(5000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    RtmpTestClient handshake() throws IOException {
        byte[] c0c1 = new byte[1 + HandshakeHandler.PACKET_SIZE];
        c0c1[0] = 3;
        out.write(c0c1);
        byte[] s0s1s2 = in.readNBytes(1 + 2 * HandshakeHandler.PACKET_SIZE);
        if (s0s1s2.length != 1 + 2 * HandshakeHandler.PACKET_SIZE) {
            throw new IOException("Handshake cut short");
        }
        out.write(Arrays.copyOfRange(s0s1s2, 1, 1 + HandshakeHandler.PACKET_SIZE));
        return this;
    }

    /** Handshake, connect to {@code live}, createStream and publish {@code name}; the publish's status code. */
    String publish(String name) throws IOException {
        createStream();
        command(STREAM_ID, "publish", null, name, "live");
        return statusCode(expectCommand("onStatus"));
    }

    /** Handshake, connect to {@code live}, createStream and play {@code name}, as FFmpeg does; the first status code. */
    String play(String name) throws IOException {
        createStream();
        command(STREAM_ID, "play", null, name, -2000.0);
        return statusCode(expectCommand("onStatus"));
    }

    private void createStream() throws IOException {
        handshake();
        command(0, "connect", Map.of("app", "live", "flashVer", "LNX 9,0,124,2", "tcUrl", "rtmp://127.0.0.1/live"));
        expectCommand("_result");
        command(0, "createStream", (Object) null);
        expectCommand("_result");
    }

    void command(int streamId, String name, Object... arguments) throws IOException {
        Object[] values = new Object[arguments.length + 2];
        values[0] = name;
        values[1] = transactions++;
        System.arraycopy(arguments, 0, values, 2, arguments.length);
        send(new Chunks().message(COMMAND_CHUNK_STREAM, 0, RtmpMessage.COMMAND_AMF0, streamId, Amf0.encode(values),
                ChunkDecoder.DEFAULT_CHUNK_SIZE));
    }

    void send(Chunks chunks) throws IOException {
        send(chunks.toBytes());
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads until a command of that name arrives. */
    RtmpMessage.Command expectCommand(String name) throws IOException {
        while (true) {
            if (next() instanceof RtmpMessage.Command command && command.name().equals(name)) {
                return command;
            }
        }
    }

    /** Reads until a media message arrives. */
    RtmpMessage.Media expectMedia() throws IOException {
        while (true) {
            if (next() instanceof RtmpMessage.Media media) {
                return media;
            }
        }
    }

    /** The server's next message. */
    RtmpMessage next() throws IOException {
        RtmpMessage message = answers.readInbound();
        while (message == null) {
            byte[] buffer = new byte[8192];
            int read = in.read(buffer);
            if (read < 0) {
                throw new IOException("Closed by the server");
            }
            answers.writeInbound(Unpooled.wrappedBuffer(buffer, 0, read));
            message = answers.readInbound();
        }
        received.add(message);
        return message;
    }

    /** Whether the server closed the connection within {@code timeout}, reading and dropping what it sends. */
    boolean closedWithin(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[8192];
        while (System.nanoTime() < deadline) {
            socket.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            try {
                if (in.read(buffer) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException reset) {
                return true;
            }
        }
        return false;
    }

    static String statusCode(RtmpMessage.Command onStatus) {
        return (String) ((Map<?, ?>) onStatus.argument(1)).get("code");
    }

    @Override
    public void close() throws IOException {
        socket.close();
        answers.finishAndReleaseAll();
    }
}
