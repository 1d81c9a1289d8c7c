package io.jenkins.plugins.carvelgitops.engine.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParameterSpellingTest {

    /** A spelling like the Jenkins steps': the location bare, a mention with the colon of a named argument. */
    private static final ParameterSpelling STEP = new ParameterSpelling() {
        @Override
        public String label(Parameter parameter) {
            return parameter == Parameter.PACKAGE_VERSION ? "version" : parameter.key();
        }

        @Override
        public String mention(Parameter parameter) {
            return label(parameter) + ":";
        }
    };

    private static final ParameterSpelling FLAGS = p -> "--" + p.key().replaceAll("([A-Z])", "-$1").toLowerCase();

    @Test
    void aProblemWithAParameterCarriesItsKeyNotASpelling() {
        Problem p = new Problem(Parameter.TO, "", "is required", "name the stage to promote to");

        assertThat(p.parameter()).contains(Parameter.TO);
        assertThat(p.file()).isEqualTo("{to}");
        assertThat(p.line()).isEqualTo("{to}: is required; name the stage to promote to");
        assertThat(new Problem("carvel-gitops.yaml", "stages", "is empty", "").parameter()).isEmpty();
    }

    @Test
    void eachAdapterSpellsTheLocationAndTheMentionsItsOwnWay() {
        Problem p = new Problem(Parameter.TO, "staging", "is the first stage, so no stage comes before it",
                "pass {from} STAGE or {packageVersion} VERSION");

        assertThat(p.line(FLAGS)).isEqualTo("--to: staging: is the first stage, so no stage comes before it; "
                + "pass --from STAGE or --package-version VERSION");
        assertThat(p.line(STEP)).isEqualTo("to: staging: is the first stage, so no stage comes before it; "
                + "pass from: STAGE or version: VERSION");
        assertThat(p.line(ParameterSpelling.NEUTRAL)).startsWith("to: staging: ").endsWith("pass from STAGE or "
                + "packageVersion VERSION");
    }

    @Test
    void aLocationThatStartsWithAParameterKeepsWhatFollowsIt() {
        Problem p = new Problem(Parameter.OVERRIDE.ref() + " stages.prod.values", "replicas", "string found", "");

        assertThat(p.line(FLAGS)).isEqualTo("--override stages.prod.values: replicas: string found");
        assertThat(p.line(STEP)).isEqualTo("override stages.prod.values: replicas: string found");
    }

    @Test
    void bracesThatNameNoParameterStayAsTheyAre() {
        assertThat(FLAGS.spell("{k: v} and {unknown} and {to}")).isEqualTo("{k: v} and {unknown} and --to");
        assertThat(FLAGS.spell(null)).isNull();
    }

    @Test
    void aValidationFailureIsSpelledProblemByProblem() {
        ValidationException e = new ValidationException(java.util.List.of(
                new Problem(Parameter.TO, "", "is required", ""),
                new Problem(Parameter.FROM, "prod", "is the same stage as {to}", "")));

        assertThat(e.message(STEP)).isEqualTo("to: is required\nfrom: prod: is the same stage as to:");
        assertThat(e.getMessage()).isEqualTo("{to}: is required\n{from}: prod: is the same stage as {to}");
    }

    @Test
    void everyKeyIsOneWordAndUnique() {
        assertThat(java.util.Arrays.stream(Parameter.values()).map(Parameter::key))
                .allMatch(k -> k.matches("[a-z][A-Za-z]*")).doesNotHaveDuplicates();
    }
}
