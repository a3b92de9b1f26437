package io.flipflop.media.ingest;

import io.flipflop.api.streamkey.IngestStopReason;
import io.flipflop.media.stream.FlvTag;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.ReadTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One publisher's RTMP session, on its event loop: answers connect, releaseStream, FCPublish and createStream,
 * hands publish to the {@link Ingests} gate, and once admitted turns audio, video and data messages into
 * {@link io.flipflop.media.stream.FlvTag}s with absolute timestamps for the ingest's queue. A session publishes
 * once; unpublishing (FCUnpublish, deleteStream, closeStream) or disconnecting ends its ingest.
 * <p>
 * Anything the peer gets wrong closes this connection with a log line naming its address, never its key.
 */
final class RtmpConnection extends SimpleChannelInboundHandler<RtmpMessage> {

    static final Logger LOG = LoggerFactory.getLogger(RtmpConnection.class);

    static final String APP = "live";
    /** What we announce: acknowledgement window and peer bandwidth as FMS/nginx-rtmp do, bigger chunks out. */
    private static final int WINDOW = 2_500_000;
    private static final int OUT_CHUNK_SIZE = 4096;

    private enum State { CONNECTING, CONNECTED, ADMITTING, PUBLISHING, DONE }

    private final Ingests ingests;
    private State state = State.CONNECTING;
    private int nextStreamId = 1;
    private int publishStreamId;
    private Ingest ingest;
    private TimestampUnwrapper timestamps;

    RtmpConnection(Ingests ingests) {
        this.ingests = ingests;
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
        ctx.fireChannelInactive();
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
            case "FCUnpublish", "deleteStream", "closeStream" -> {
                if (ingest != null) {
                    ingest.unpublished();
                }
                if (state == State.PUBLISHING) {
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
        publishStreamId = command.streamId();
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
            ctx.write(OutboundMessage.userControl(RtmpMessage.UserControl.STREAM_BEGIN, publishStreamId));
            ctx.writeAndFlush(OutboundMessage.command(publishStreamId, "onStatus", 0.0, null,
                    status("status", "NetStream.Publish.Start", "Publishing.")));
        }
    }

    private void refuse(ChannelHandlerContext ctx, Admission.Refused refused) {
        state = State.DONE;
        ctx.writeAndFlush(OutboundMessage.command(publishStreamId, "onStatus", 0.0, null,
                        status("error", refused.code(), refused.description())))
                .addListener(ChannelFutureListener.CLOSE);
    }

    /** Media before Publish.Start (or after the end) has no ingest to go to and is dropped. */
    private void media(RtmpMessage.Media media) {
        if (state == State.PUBLISHING) {
            ingest.offer(new FlvTag(media.typeId(), timestamps.unwrap(media.typeId(), media.timestamp()),
                    media.body()));
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
