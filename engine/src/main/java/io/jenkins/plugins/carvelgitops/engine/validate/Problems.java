package io.jenkins.plugins.carvelgitops.engine.validate;

import java.util.ArrayList;
import java.util.List;

/** Collects problems so that every one is reported at once, then fails if there were any. */
public final class Problems {

    private final List<Problem> found = new ArrayList<>();

    public void add(String file, String field, String message, String fix) {
        found.add(new Problem(file, field, message, fix));
    }

    public void add(Parameter parameter, String field, String message, String fix) {
        found.add(new Problem(parameter, field, message, fix));
    }

    public void add(Problem problem) {
        found.add(problem);
    }

    public void addAll(List<Problem> problems) {
        found.addAll(problems);
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<Problem> list() {
        return List.copyOf(found);
    }

    /** Throws a {@link ValidationException} holding every problem found so far, if any. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new ValidationException(found);
        }
    }
}
