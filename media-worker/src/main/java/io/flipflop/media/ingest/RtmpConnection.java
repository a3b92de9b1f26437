package io.flipflop.media.ingest;

import io.flipflop.api.streamkey.IngestStopReason;
import io.flipflop.media.stream.FlvTag;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.BaseSubscriber;

/**
 * One publisher's or player's RTMP session, on its event loop: answers connect, releaseStream, FCPublish and
 * createStream, then either
 * <ul>
 *   <li>hands publish to the {@link Ingests} gate, and once admitted turns audio, video and data messages into
 *       {@link FlvTag}s with absolute timestamps for the ingest's queue. A session publishes once; unpublishing
 *       (FCUnpublish, deleteStream, closeStream) or disconnecting ends its ingest; or</li>
 *   <li>hands play to the {@link RtmpPlayback} gate, and once admitted sends the room's FLV output as audio and
 *       video messages ({@link Viewer}) until the publish ends, when the connection is closed (or until the player's
 *       deleteStream or closeStream).</li>
 * </ul>
 * Anything the peer gets wrong closes this connection with a log line naming its address, never its key or token.
 */
final class RtmpConnection extends SimpleChannelInboundHandler<RtmpMessage> {

    static final Logger LOG = LoggerFactory.getLogger(RtmpConnection.class);

    static final String APP = "live";
    /** What we announce: acknowledgement window and peer bandwidth as FMS/nginx-rtmp do, bigger chunks out. */
    private static final int WINDOW = 2_500_000;
    private static final int OUT_CHUNK_SIZE = 4096;

    private enum State { CONNECTING, CONNECTED, ADMITTING, PUBLISHING, PLAYING, DONE }

    private final Ingests ingests;
    /** Null where no playback origin runs: every play is refused. */
    private final RtmpPlayback playback;
    private State state = State.CONNECTING;
    private int nextStreamId = 1;
    /** The message stream published or played. */
    private int streamId;
    private String agent;
    private Ingest ingest;
    private TimestampUnwrapper timestamps;
    private Viewer viewer;

    RtmpConnection(Ingests ingests, RtmpPlayback playback) {
        this.ingests = ingests;
        this.playback = playback;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, RtmpMessage message) {
        if (message instanceof RtmpMessage.Command command) {
            command(ctx, command);
        } else if (message instanceof RtmpMessage.Media media) {
            media(media);
        } else if (message instanceof RtmpMessage.UserControl control
                && control.event() == RtmpMessage.UserControl.PING_REQUEST) {
            ctx.writeAndFlush(OutboundMessage.userControl(RtmpMessage.UserControl.PING_RESPONSE,
                    (int) control.value()));
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        state = State.DONE;
        if (ingest != null) {
            ingest.stop(IngestStopReason.PUBLISHER_DISCONNECTED);
        }
        if (viewer != null) {
            viewer.dispose();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (viewer != null && ctx.channel().isWritable()) {
            viewer.writable();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!ctx.channel().isOpen()) {
            return;
        }
        LOG.info("Closing RTMP connection from {}: {}", ctx.channel().remoteAddress(), describe(cause));
        ctx.close();
    }

    private void command(ChannelHandlerContext ctx, RtmpMessage.Command command) {
        switch (command.name()) {
            case "connect" -> connect(ctx, command);
            case "releaseStream", "FCPublish" -> ctx.writeAndFlush(OutboundMessage.command(0, "_result",
                    command.transactionId(), null));
            case "createStream" -> ctx.writeAndFlush(OutboundMessage.command(0, "_result", command.transactionId(),
                    null, (double) nextStreamId++));
            case "publish" -> publish(ctx, command);
            case "play" -> play(ctx, command);
            case "FCUnpublish", "deleteStream", "closeStream" -> {
                if (ingest != null) {
                    ingest.unpublished();
                }
                if (viewer != null) {
                    viewer.dispose();
                }
                if (state == State.PUBLISHING || state == State.PLAYING) {
                    state = State.DONE;
                }
            }
            default -> LOG.debug("Ignoring RTMP command {} from {}", command.name(), ctx.channel().remoteAddress());
        }
    }

    private void connect(ChannelHandlerContext ctx, RtmpMessage.Command command) {
        if (state != State.CONNECTING) {
            throw new RtmpProtocolException("connect sent twice");
        }
        Object app = command.argument(0) instanceof Map<?, ?> properties ? properties.get("app") : null;
        if (!(app instanceof String name) || !APP.equals(appName(name))) {
            ctx.writeAndFlush(OutboundMessage.command(0, "_error", command.transactionId(), null,
                            status("error", "NetConnection.Connect.Rejected", "Unknown application")))
                    .addListener(ChannelFutureListener.CLOSE);
            LOG.info("RTMP connect from {} refused: unknown application", ctx.channel().remoteAddress());
            return;
        }
        state = State.CONNECTED;
        agent = ((Map<?, ?>) command.argument(0)).get("flashVer") instanceof String flashVer ? flashVer : "";
        ctx.write(OutboundMessage.windowAckSize(WINDOW));
        ctx.write(OutboundMessage.setPeerBandwidth(WINDOW));
        ctx.write(OutboundMessage.setChunkSize(OUT_CHUNK_SIZE));
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("fmsVer", "FMS/3,0,1,123");
        server.put("capabilities", 31.0);
        Map<String, Object> result = status("status", "NetConnection.Connect.Success", "Connection succeeded.");
        result.put("objectEncoding", 0.0);
        ctx.writeAndFlush(OutboundMessage.command(0, "_result", command.transactionId(), server, result));
    }

    private void publish(ChannelHandlerContext ctx, RtmpMessage.Command command) {
        if (state != State.CONNECTED) {
            throw new RtmpProtocolException("publish in state " + state);
        }
        streamId = command.streamId();
        var name = PublishName.parse(command.argument(1) instanceof String string ? string : null);
        if (name.isEmpty()) {
            LOG.info("Publish from {} refused: no stream key or an unknown mode", ctx.channel().remoteAddress());
            refuse(ctx, new Admission.Refused(Admission.BAD_NAME, "Bad stream name"));
            return;
        }
        state = State.ADMITTING;
        ingests.admit(name.get(), ctx.channel())
                .thenAccept(admission -> ctx.executor().execute(() -> admitted(ctx, admission)));
    }

    private void admitted(ChannelHandlerContext ctx, Admission admission) {
        if (admission instanceof Admission.Refused refused) {
            refuse(ctx, refused);
        } else if (admission instanceof Admission.Admitted admitted) {
            if (state == State.DONE) {
                admitted.ingest().stop(IngestStopReason.PUBLISHER_DISCONNECTED);
                return;
            }
            ingest = admitted.ingest();
            timestamps = new TimestampUnwrapper();
            state = State.PUBLISHING;
            ctx.write(OutboundMessage.userControl(RtmpMessage.UserControl.STREAM_BEGIN, streamId));
            ctx.writeAndFlush(OutboundMessage.command(streamId, "onStatus", 0.0, null,
                    status("status", "NetStream.Publish.Start", "Publishing.")));
        }
    }

    private void refuse(ChannelHandlerContext ctx, Admission.Refused refused) {
        refuse(ctx, refused.code(), refused.description());
    }

    private void refuse(ChannelHandlerContext ctx, String code, String description) {
        state = State.DONE;
        ctx.writeAndFlush(OutboundMessage.command(streamId, "onStatus", 0.0, null,
                        status("error", code, description)))
                .addListener(ChannelFutureListener.CLOSE);
    }

    private void play(ChannelHandlerContext ctx, RtmpMessage.Command command) {
        if (state != State.CONNECTED) {
            throw new RtmpProtocolException("play in state " + state);
        }
        streamId = command.streamId();
        var name = PlayName.parse(command.argument(1) instanceof String string ? string : null);
        if (name.isEmpty() || playback == null) {
            LOG.info("RTMP play from {} refused: {}", ctx.channel().remoteAddress(),
                    name.isEmpty() ? "no stream name" : "no playback on this worker");
            refuse(ctx, RtmpPlayback.STREAM_NOT_FOUND, "No such stream");
            return;
        }
        state = State.ADMITTING;
        String room = name.get().videoRoomId();
        String client = ctx.channel().remoteAddress() instanceof InetSocketAddress address
                && address.getAddress() != null ? address.getAddress().getHostAddress() : "";
        playback.admit(room, name.get().streamingToken(), client, agent)
                .whenComplete((answer, failure) -> ctx.executor().execute(() -> playAdmitted(ctx, room,
                        failure == null ? answer : new RtmpPlayback.Refused(RtmpPlayback.PLAY_FAILED, failure.toString()))));
    }

    private void playAdmitted(ChannelHandlerContext ctx, String videoRoomId, RtmpPlayback.Answer answer) {
        if (answer instanceof RtmpPlayback.Refused refused) {
            LOG.info("RTMP play of video room {} from {} refused: {}", videoRoomId, ctx.channel().remoteAddress(),
                    refused.reason());
            // the code in the description too: FFmpeg and librtmp players print only the description
            refuse(ctx, refused.code(), refused.code() + ": cannot play " + videoRoomId);
        } else if (answer instanceof RtmpPlayback.Admitted admitted) {
            viewer = new Viewer(ctx);
            if (state == State.DONE) {
                // gone while admitted: leave the output, which it joined already
                admitted.tags().subscribe(viewer);
                viewer.dispose();
                return;
            }
            state = State.PLAYING;
            // a player may send nothing for long (it acknowledges only every window): the idle limit is a
            // publisher's; a player that stops reading is dropped by its bounded queue instead
            if (ctx.pipeline().get(ReadTimeoutHandler.class) != null) {
                ctx.pipeline().remove(ReadTimeoutHandler.class);
            }
            ctx.write(OutboundMessage.userControl(RtmpMessage.UserControl.STREAM_BEGIN, streamId));
            ctx.write(OutboundMessage.command(streamId, "onStatus", 0.0, null,
                    status("status", "NetStream.Play.Reset", "Playing and resetting " + videoRoomId + ".")));
            ctx.writeAndFlush(OutboundMessage.command(streamId, "onStatus", 0.0, null,
                    status("status", "NetStream.Play.Start", "Started playing " + videoRoomId + ".")));
            LOG.info("RTMP play of video room {} from {} started", videoRoomId, ctx.channel().remoteAddress());
            admitted.tags().subscribe(viewer);
        }
    }

    /** Media before Publish.Start (or after the end) has no ingest to go to and is dropped. */
    private void media(RtmpMessage.Media media) {
        if (state == State.PUBLISHING) {
            ingest.offer(new FlvTag(media.typeId(), timestamps.unwrap(media.typeId(), media.timestamp()),
                    media.body()));
        }
    }

    /**
     * A player's subscription to the room's FLV output, one tag requested at a time while the channel is
     * writable: when the player reads slower than the stream comes, nothing more is requested, the output's
     * bounded queue for it fills, and the output drops it (an error here, the connection closed). So a slow
     * player never holds the publisher, the other players or this event loop. Tags arrive on the publisher's
     * ingest thread (or this loop) and are written on this loop.
     */
    private final class Viewer extends BaseSubscriber<FlvTag> {

        private final ChannelHandlerContext ctx;
        /** A tag was written while the channel was full: the next is requested once it drains. */
        private boolean waiting;

        Viewer(ChannelHandlerContext ctx) {
            this.ctx = ctx;
        }

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            subscription.request(1);
        }

        @Override
        protected void hookOnNext(FlvTag tag) {
            onLoop(() -> {
                ctx.writeAndFlush(OutboundMessage.media(streamId, tag));
                if (ctx.channel().isWritable()) {
                    request(1);
                } else {
                    waiting = true;
                }
            });
        }

        void writable() {
            if (waiting) {
                waiting = false;
                request(1);
            }
        }

        /** The publish ended: the player is told, as nginx-rtmp tells it, and the connection closes. */
        @Override
        protected void hookOnComplete() {
            onLoop(() -> {
                ctx.write(OutboundMessage.userControl(RtmpMessage.UserControl.STREAM_EOF, streamId));
                ctx.writeAndFlush(OutboundMessage.command(streamId, "onStatus", 0.0, null,
                                status("status", "NetStream.Play.UnpublishNotify", "The stream ended.")))
                        .addListener(ChannelFutureListener.CLOSE);
            });
        }

        @Override
        protected void hookOnError(Throwable failure) {
            onLoop(() -> {
                LOG.info("Dropping RTMP player {}: {}", ctx.channel().remoteAddress(), failure.getMessage());
                ctx.close();
            });
        }

        private void onLoop(Runnable task) {
            if (ctx.executor().inEventLoop()) {
                task.run();
            } else {
                ctx.executor().execute(task);
            }
        }
    }

    /** {@code live}, {@code live/} and {@code live?token=...} all name the application {@code live}. */
    private static String appName(String app) {
        int query = app.indexOf('?');
        String name = query < 0 ? app : app.substring(0, query);
        return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    }

    private static Map<String, Object> status(String level, String code, String description) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("level", level);
        status.put("code", code);
        status.put("description", description);
        return status;
    }

    private static String describe(Throwable cause) {
        if (cause instanceof ReadTimeoutException) {
            return "idle for too long";
        }
        Throwable root = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        return root instanceof RtmpProtocolException ? root.getMessage() : root.toString();
    }
}
