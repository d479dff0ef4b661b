package dev.allframe.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http2.Http2SecurityUtil;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The {@link HttpServer} on Netty's NIO transport. */
final class NettyHttpServer implements HttpServer {
    private static final System.Logger LOG = System.getLogger(NettyHttpServer.class.getName());

    private final ServerConfig config;
    private final Dispatcher dispatcher;
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final Object lifecycle = new Object();
    private ChannelGroup channels;
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private Channel serverChannel;
    private boolean started;
    private boolean closing;

    NettyHttpServer(ServerConfig config) {
        this.config = config;
        this.dispatcher = new Dispatcher(config.router(), config.health());
    }

    @Override
    public HttpServer start() {
        synchronized (lifecycle) {
            if (started) {
                throw new IllegalStateException("the server was already started");
            }
            started = true;
            SslContext ssl = config.certPem() == null ? null : sslContext(config.certPem(), config.keyPem());
            channels = new DefaultChannelGroup("allframe-connections", GlobalEventExecutor.INSTANCE);
            boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("allframe-accept"),
                    NioIoHandler.newFactory());
            workers = new MultiThreadIoEventLoopGroup(config.ioThreads(), new DefaultThreadFactory("allframe-io"),
                    NioIoHandler.newFactory());
            try {
                serverChannel = new ServerBootstrap()
                        .group(boss, workers)
                        .channel(NioServerSocketChannel.class)
                        .option(ChannelOption.SO_BACKLOG, 1024)
                        .childOption(ChannelOption.TCP_NODELAY, true)
                        .childHandler(new ServerInitializer(config, dispatcher, ssl, channels))
                        .bind(config.host(), config.port())
                        .sync()
                        .channel();
            } catch (Exception e) {
                stopEventLoops();
                terminated.countDown();
                throw new IllegalStateException("cannot listen on " + config.host() + ":" + config.port() + ": "
                        + e.getMessage(), e);
            }
            if (config.handleSignals()) {
                ShutdownSignals.install(this);
            }
            LOG.log(System.Logger.Level.INFO, "listening on {0}://{1}:{2,number,#} (HTTP/1.1, HTTP/2)",
                    ssl == null ? "http" : "https", config.host(), port());
            return this;
        }
    }

    static SslContext sslContext(Path cert, Path key) {
        for (Path p : List.of(cert, key)) {
            if (!Files.isReadable(p)) {
                throw new IllegalArgumentException("TLS file not readable: " + p.toAbsolutePath());
            }
        }
        try {
            return SslContextBuilder.forServer(cert.toFile(), key.toFile())
                    .sslProvider(SslProvider.JDK)
                    .ciphers(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
                    .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                            ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1))
                    .build();
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot use the TLS certificate " + cert + " and key " + key
                    + " (expected PEM, the key unencrypted PKCS#8): " + e.getMessage(), e);
        }
    }

    @Override
    public int port() {
        return address().getPort();
    }

    @Override
    public InetSocketAddress address() {
        synchronized (lifecycle) {
            if (serverChannel == null) {
                throw new IllegalStateException("the server is not started");
            }
            return (InetSocketAddress) serverChannel.localAddress();
        }
    }

    @Override
    public boolean draining() {
        return dispatcher.draining();
    }

    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closing || !started) {
                if (!started) {
                    closing = true;
                    closeResources();
                    terminated.countDown();
                }
                // fall through to wait for the first closer outside the lock
            } else {
                closing = true;
                new Thread(this::drainAndStop, "allframe-drain").start();
            }
        }
        try {
            terminated.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drainAndStop() {
        long t0 = System.nanoTime();
        try {
            dispatcher.startDraining();
            serverChannel.close().syncUninterruptibly(); // stop accepting
            for (Channel ch : channels) {
                ch.eventLoop().execute(() -> ch.pipeline().fireUserEventTriggered(ServerEvents.DRAIN));
            }
            boolean drained = dispatcher.awaitIdle(config.shutdownGrace());
            if (!drained) {
                LOG.log(System.Logger.Level.WARNING, "shutdown grace of {0} ms over with {1} request(s) in flight",
                        config.shutdownGrace().toMillis(), dispatcher.inFlight());
            }
            channels.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopEventLoops();
            dispatcher.shutdown();
            closeResources();
            LOG.log(System.Logger.Level.INFO, "stopped after draining for {0} ms",
                    (System.nanoTime() - t0) / 1_000_000);
            terminated.countDown();
        }
    }

    private void stopEventLoops() {
        if (workers != null) {
            workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
        if (boss != null) {
            boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
        if (workers != null) {
            workers.terminationFuture().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        if (boss != null) {
            boss.terminationFuture().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
    }

    private void closeResources() {
        List<AutoCloseable> resources = config.resources();
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "closing " + resources.get(i) + " failed", e);
            }
        }
    }

    @Override
    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    @Override
    public String toString() {
        return "HttpServer[" + config.host() + ":" + config.port() + (config.certPem() != null ? ", tls" : "") + "]";
    }
}
