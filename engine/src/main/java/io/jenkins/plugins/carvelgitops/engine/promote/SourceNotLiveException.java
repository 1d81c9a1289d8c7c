package io.jenkins.plugins.carvelgitops.engine.promote;

/**
 * {@code requireLive} refused a promotion: the source stage does not run the version. Not a bad request
 * (the same request succeeds once the stage runs it), so not a validation problem; nothing was written.
 */
public final class SourceNotLiveException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SourceNotLiveException(String message) {
        super(message);
    }
}
