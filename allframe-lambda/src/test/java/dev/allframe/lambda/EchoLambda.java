package dev.allframe.lambda;

/** What a user writes for the managed runtime: a subclass naming the application. */
public final class EchoLambda extends AllFrameHandler {
    /** Called by the runtime. */
    public EchoLambda() {
        super(EchoApp::router);
    }
}
