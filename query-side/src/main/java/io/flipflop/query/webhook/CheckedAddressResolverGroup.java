package io.flipflop.query.webhook;

import io.flipflop.platform.webhook.CallbackAddressPolicy;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import reactor.core.scheduler.Schedulers;

/**
 * Resolves callback hosts for the webhook HTTP client through {@link CallbackAddressPolicy}, so an attempt connects
 * only to addresses checked at that moment: a name that resolved to a public address at registration and now
 * resolves to a private one (DNS rebinding) is refused before anything is sent. Literal addresses go through the
 * same check. The system resolver blocks, so it runs on a worker thread, never on the event loop.
 */
final class CheckedAddressResolverGroup extends AddressResolverGroup<InetSocketAddress> {

    private final CallbackAddressPolicy policy;

    CheckedAddressResolverGroup(CallbackAddressPolicy policy) {
        this.policy = policy;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new CheckedResolver(executor);
    }

    private final class CheckedResolver implements AddressResolver<InetSocketAddress> {

        private final EventExecutor executor;

        CheckedResolver(EventExecutor executor) {
            this.executor = executor;
        }

        @Override
        public boolean isSupported(SocketAddress address) {
            return address instanceof InetSocketAddress;
        }

        /** Never: an address the client already holds (a literal in the URL) is checked like a resolved one. */
        @Override
        public boolean isResolved(SocketAddress address) {
            return false;
        }

        @Override
        public Future<InetSocketAddress> resolve(SocketAddress address) {
            return resolve(address, executor.newPromise());
        }

        @Override
        public Future<InetSocketAddress> resolve(SocketAddress address, Promise<InetSocketAddress> promise) {
            Future<List<InetSocketAddress>> all = resolveAll(address);
            all.addListener(done -> {
                if (all.isSuccess()) {
                    promise.trySuccess(all.getNow().get(0));
                } else {
                    promise.tryFailure(all.cause());
                }
            });
            return promise;
        }

        @Override
        public Future<List<InetSocketAddress>> resolveAll(SocketAddress address) {
            return resolveAll(address, executor.newPromise());
        }

        @Override
        public Future<List<InetSocketAddress>> resolveAll(SocketAddress address,
                                                          Promise<List<InetSocketAddress>> promise) {
            InetSocketAddress target = (InetSocketAddress) address;
            Schedulers.boundedElastic().schedule(() -> {
                try {
                    promise.trySuccess(policy.resolve(target.getHostString()).stream()
                            .map(resolved -> new InetSocketAddress(resolved, target.getPort()))
                            .toList());
                } catch (IOException | RuntimeException e) {
                    promise.tryFailure(e);
                }
            });
            return promise;
        }

        @Override
        public void close() {
            // holds nothing: each resolution is a call to the system resolver
        }
    }
}
