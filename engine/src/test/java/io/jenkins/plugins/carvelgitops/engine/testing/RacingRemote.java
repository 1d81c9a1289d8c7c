package io.jenkins.plugins.carvelgitops.engine.testing;

import io.jenkins.plugins.carvelgitops.engine.git.FileChange;
import io.jenkins.plugins.carvelgitops.engine.git.GitRemote;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/** Delegates to a real remote, running {@code beforePush} right before each push. */
public final class RacingRemote implements GitRemote {
    public interface Action {
        void run() throws Exception;
    }

    private final GitRemote delegate;
    private final Action beforePush;

    public RacingRemote(GitRemote delegate, Action beforePush) {
        this.delegate = delegate;
        this.beforePush = beforePush;
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    @Override
    public String sync() {
        return delegate.sync();
    }

    @Override
    public Path workTree() {
        return delegate.workTree();
    }

    @Override
    public void prepare(Collection<String> paths) {
        delegate.prepare(paths);
    }

    @Override
    public String commit(List<FileChange> changes, String message) {
        return delegate.commit(changes, message);
    }

    @Override
    public PushStatus push(String commit) {
        try {
            beforePush.run();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return delegate.push(commit);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
