package io.jenkins.plugins.carvelgitops.engine.validate;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Bad input: one or more {@link Problem}s, found before anything was written. Callers map it to
 * exit code 1 (CLI) or a failed step with one line per problem (Jenkins).
 */
public final class ValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<Problem> problems;

    public ValidationException(List<Problem> problems) {
        super(problems.stream().map(Problem::line).collect(Collectors.joining("\n")), null, false, false);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public ValidationException(Problem problem) {
        this(List.of(problem));
    }

    public static ValidationException of(String file, String field, String message, String fix) {
        return new ValidationException(new Problem(file, field, message, fix));
    }

    public static ValidationException of(Parameter parameter, String field, String message, String fix) {
        return new ValidationException(new Problem(parameter, field, message, fix));
    }

    /** One line per problem, parameters spelled the adapter's way. */
    public String message(ParameterSpelling spelling) {
        return problems.stream().map(p -> p.line(spelling)).collect(Collectors.joining("\n"));
    }

    public List<Problem> problems() {
        return problems;
    }
}
