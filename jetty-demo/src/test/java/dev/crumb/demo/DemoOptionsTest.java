package dev.crumb.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The demo's command-line options")
class DemoOptionsTest {

    private static DemoOptions parse(String... args) {
        return DemoOptions.parse(args, Map.of());
    }

    @Test
    @DisplayName("without options, runs on port 8080 with ./crumb-data, PT30M, revision 1 and the embedded database")
    void defaults() {
        DemoOptions options = parse();

        assertThat(options.action()).isEqualTo(DemoOptions.Action.RUN);
        assertThat(options.port()).isEqualTo(8080);
        assertThat(options.dataDir()).isEqualTo(Path.of("./crumb-data"));
        assertThat(options.visitTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(options.policyRevision()).isEqualTo(1);
        assertThat(options.database()).isEqualTo(new DemoDatabase.Embedded(Path.of("./crumb-data")));
        assertThat(options.seedDemoData()).isFalse();
        assertThat(options.countryHeader()).as("no trusted header: the consent region is unknown, so opt-in").isNull();
    }

    @Test
    @DisplayName("--country-header names the trusted header with the visitor's country; a bad name is refused")
    void countryHeader() {
        assertThat(DemoOptions.parse(new String[] {"--country-header", "CloudFront-Viewer-Country"}, Map.of())
                .countryHeader()).isEqualTo("CloudFront-Viewer-Country");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> DemoOptions.parse(new String[] {"--country-header", "X Country:"}, Map.of()))
                .hasMessageContaining("--country-header");
    }

    @Test
    @DisplayName("reads every option, as separate words or with =")
    void everyOption() {
        DemoOptions options = DemoOptions.parse(new String[] {"--port", "0", "--data=/srv/crumb",
                "--visit-timeout", "PT45M", "--policy-revision=3", "--db-url", "jdbc:postgresql://db/crumb",
                "--db-user", "shop", "--seed-demo-data"}, Map.of(DemoOptions.DB_PASSWORD_ENV, "s3cret"));

        assertThat(options.port()).isZero();
        assertThat(options.dataDir()).isEqualTo(Path.of("/srv/crumb"));
        assertThat(options.visitTimeout()).isEqualTo(Duration.ofMinutes(45));
        assertThat(options.policyRevision()).isEqualTo(3);
        assertThat(options.database()).isEqualTo(new DemoDatabase.External("jdbc:postgresql://db/crumb", "shop", "s3cret"));
        assertThat(options.seedDemoData()).isTrue();
    }

    @Test
    @DisplayName("never shows the database password")
    void passwordHidden() {
        DemoOptions options = DemoOptions.parse(new String[] {"--db-url", "jdbc:postgresql://db/crumb"},
                Map.of(DemoOptions.DB_PASSWORD_ENV, "s3cret"));

        assertThat(options.toString()).doesNotContain("s3cret");
    }

    @Test
    @DisplayName("--help and --new-key win over every other option, even a bad one")
    void actions() {
        assertThat(parse("--port", "nope", "--help").action()).isEqualTo(DemoOptions.Action.HELP);
        assertThat(parse("-h").action()).isEqualTo(DemoOptions.Action.HELP);
        assertThat(parse("--new-key").action()).isEqualTo(DemoOptions.Action.NEW_KEY);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "--port abc                  | --port must be a port number from 0 to 65535; was 'abc'",
            "--port 65536                | --port must be a port number from 0 to 65535; was '65536'",
            "--port -1                   | --port must be a port number from 0 to 65535; was '-1'",
            "--port                      | --port needs a value: a port number from 0 to 65535",
            "--port --seed-demo-data     | --port needs a value: a port number from 0 to 65535",
            "--visit-timeout 30m         | --visit-timeout must be an ISO-8601 duration longer than PT1M (Crumb's last-seen-refresh) and at most PT24H, like PT30M; was '30m'",
            "--visit-timeout PT10S       | --visit-timeout must be an ISO-8601 duration longer than PT1M (Crumb's last-seen-refresh) and at most PT24H, like PT30M; was 'PT10S'",
            "--visit-timeout PT1M        | --visit-timeout must be an ISO-8601 duration longer than PT1M (Crumb's last-seen-refresh) and at most PT24H, like PT30M; was 'PT1M'",
            "--visit-timeout P2D         | --visit-timeout must be an ISO-8601 duration longer than PT1M (Crumb's last-seen-refresh) and at most PT24H, like PT30M; was 'P2D'",
            "--policy-revision 0         | --policy-revision must be a whole number from 1 up; was '0'",
            "--policy-revision two       | --policy-revision must be a whole number from 1 up; was 'two'",
            "--db-url postgres://db      | --db-url must be a JDBC URL starting with jdbc:, like jdbc:postgresql://localhost:5432/crumb; was 'postgres://db'",
            "--db-user shop              | --db-user needs --db-url; without --db-url the embedded database is used",
            "--data=                     | --data must be a directory path; was ''",
            "--prot 8080                 | unknown option '--prot'; run with --help to see every option",
            "8080                        | unexpected argument '8080'; every setting is an option starting with --, run with --help to see them",
            "--port 1 --port 2           | --port was given twice; give each option once",
            "--seed-demo-data=yes        | --seed-demo-data takes no value; remove '=yes'"})
    @DisplayName("a bad option stops start-up with one line naming it and what it accepts")
    void badOptions(String args, String message) {
        assertThatThrownBy(() -> parse(args.strip().split("\\s+")))
                .isInstanceOf(DemoConfigException.class)
                .hasMessage(message);
    }

    @Test
    @DisplayName("the shortest visit timeout the demo accepts is one Crumb accepts too: checked once, with one message")
    void shortestVisitTimeoutSuitsCrumb() {
        Duration shortest = parse("--visit-timeout", "PT61S").visitTimeout();
        assertThat(dev.crumb.CrumbConfig.builder().keys(java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(new byte[32])).visitTimeout(shortest).build().cookie().visitTimeout()).isEqualTo(shortest);
    }

    @Test
    @DisplayName("the help lists every option with its default and the environment variables")
    void help() {
        String help = DemoOptions.helpText();

        assertThat(help).contains("--port PORT", "(default: 8080)", "--data DIR", "(default: ./crumb-data)",
                "--visit-timeout DURATION", "(default: PT30M)", "--policy-revision N", "(default: 1)",
                "--db-url URL", "--db-user USER", "--seed-demo-data", "--new-key", "--help",
                "CRUMB_KEYS", "CRUMB_ANALYST_PASSWORD", "CRUMB_DB_PASSWORD");
    }
}
