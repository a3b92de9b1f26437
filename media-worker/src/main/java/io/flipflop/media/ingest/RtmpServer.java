package io.flipflop.media.ingest;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The RTMP listener, started and stopped with the Spring context. It has its own event loops rather than Reactor
 * Netty's: a slow or hostile publisher then never delays an HTTP request, and stopping it is one thing.
 * <p>
 * Stopping (the default, last phase: before the command bus and MongoDB go) closes the listener, stops every
 * ingest with WORKER_STOPPED and waits for their stop commands, then closes the remaining connections.
 */
public class RtmpServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RtmpServer.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final RtmpSettings settings;
    private final Ingests ingests;
    private final RtmpPlayback playback;
    private EventLoopGroup acceptor;
    private EventLoopGroup connections;
    private ChannelGroup channels;
    private Channel listener;

    /** @param playback RTMP play's admission; null refuses every play (a worker without the playback origin) */
    public RtmpServer(RtmpSettings settings, Ingests ingests, RtmpPlayback playback) {
        this.settings = settings;
        this.ingests = ingests;
        this.playback = playback;
    }

    @Override
    public synchronized void start() {
        acceptor = new NioEventLoopGroup(1, new DefaultThreadFactory("rtmp-accept", true));
        connections = new NioEventLoopGroup(settings.eventLoopThreads(), new DefaultThreadFactory("rtmp", true));
        channels = new DefaultChannelGroup("rtmp", GlobalEventExecutor.INSTANCE);
        listener = new ServerBootstrap()
                .group(acceptor, connections)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channels.add(channel);
                        channel.pipeline()
                                .addLast(new ReadTimeoutHandler(settings.idleTimeout().toMillis(),
                                        TimeUnit.MILLISECONDS))
                                .addLast(new HandshakeHandler(settings.handshakeTimeout()))
                                .addLast(new ChunkEncoder())
                                .addLast(new ChunkDecoder((int) settings.maxMessageSize().toBytes(),
                                        (int) settings.maxChunkSize().toBytes(), settings.maxChunkStreams(),
                                        MessageRate.perSecond(settings.maxMessagesPerSecond())))
                                .addLast(new RtmpConnection(ingests, playback));
                    }
                })
                .bind(settings.bindAddress(), settings.port())
                .syncUninterruptibly()
                .channel();
        log.info("RTMP server listening on {}", listener.localAddress());
    }

    @Override
    public synchronized void stop() {
        if (listener == null) {
            return;
        }
        listener.close().syncUninterruptibly();
        ingests.stopAll(STOP_TIMEOUT);
        channels.close().awaitUninterruptibly(STOP_TIMEOUT.toMillis());
        connections.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        listener = null;
        log.info("RTMP server stopped");
    }

    @Override
    public synchronized boolean isRunning() {
        return listener != null;
    }

    /** The port listened on: the configured one, or the one picked for port 0. */
    public synchronized int port() {
        if (listener == null) {
            throw new IllegalStateException("The RTMP server is not running");
        }
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }
}
