//! The command line of `cargo xtask`, declared for clap: `cargo xtask
//! --help` lists the commands, `cargo xtask <command> --help` tells one.

use crate::release::Meta;
use crate::test::Step;
use clap::{Args, Parser, Subcommand};

/// The project's developer workflow. Each command first installs whatever
/// tool it needs that is missing (the first run compiles trunk and
/// wasm-bindgen-cli: about 15 minutes).
#[derive(Debug, Parser)]
#[command(name = "cargo xtask", bin_name = "cargo xtask")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, PartialEq, Eq, Subcommand)]
pub enum Command {
    /// The app at http://127.0.0.1:8080 (`trunk serve`) and the reference API
    ///
    /// `trunk serve` on http://127.0.0.1:8080, rebuilt on every change, with
    /// /api proxied to the reference API on 127.0.0.1:8081, whose SQLite
    /// database is target/reference-api.sqlite and which also serves the
    /// fake payment gateway page on its own origin. Ctrl-C stops both.
    Dev {
        /// Arguments for `trunk serve`, e.g. `--open` (trunk's own `--help`
        /// after `--`)
        #[arg(
            value_name = "TRUNK ARGS",
            trailing_var_arg = true,
            allow_hyphen_values = true
        )]
        trunk_args: Vec<String>,
    },
    /// Everything CI checks, in order, stopping at the first failure
    ///
    /// cargo fmt --check, clippy (native and wasm32), native tests,
    /// schemathesis against reference-api/openapi.yaml and the reference
    /// API, browser component tests in headless Chromium, the release build,
    /// and the Playwright end-to-end tests against it as deployed (nginx
    /// with deploy/nginx.conf, the API on its own origin, any CSP violation
    /// failing a test), then the journeys that differ there and the
    /// designers' gallery against the `dev` stack (ports 8080 and 8081).
    ///
    /// Example: cargo xtask test --only e2e -- routing.spec.ts
    Test(TestArgs),
    /// The release build in dist/, its sizes and the CSP to serve it with
    ///
    /// The release build, each group of pages in a wasm module of its own
    /// (xtask/src/release/; the stylesheet without its comments), the
    /// meta tags of index.html set when given, .br and .gz beside each file,
    /// a table of dist/ sizes (raw and brotli, also written to
    /// target/dist-sizes.txt) and the Content-Security-Policy to serve it
    /// with (see deploy/nginx.conf).
    Dist(Meta),
    /// The release build served as deployed, at http://127.0.0.1:8080
    ///
    /// dist/ as it is (built first if missing) served by nginx with
    /// deploy/nginx.conf on http://127.0.0.1:8080, the reference API on its
    /// own origin http://127.0.0.1:8081. Ctrl-C stops both.
    Preview,
    /// The release build's sizes and Lighthouse scores
    ///
    /// The dist/ size table; then, served as deployed (nginx, the API on
    /// its own origin), each entry route's bytes as Chromium counts them
    /// and Lighthouse (mobile, median of 3) on /login, /register, /recover
    /// and / signed in; reports in target/lighthouse/.
    Bench,
    /// Only check and install the tools
    Tools,
}

#[derive(Debug, Default, PartialEq, Eq, Args)]
pub struct TestArgs {
    /// Run only these steps (a comma-separated list)
    #[arg(long, value_name = "STEP", value_delimiter = ',')]
    pub only: Vec<Step>,
    /// Run this step and the ones after it (a step as for --only)
    #[arg(long, value_name = "STEP", hide_possible_values = true)]
    pub from: Option<Step>,
    /// Arguments for `playwright test` in the e2e and e2e-dev steps, after
    /// `--` (e.g. `-- routing.spec.ts --grep robots`)
    #[arg(value_name = "PLAYWRIGHT ARGS")]
    pub playwright_args: Vec<String>,
}

impl TestArgs {
    /// The steps `--only` and `--from` select, in running order.
    pub fn steps(&self) -> Vec<Step> {
        Step::all()
            .iter()
            .copied()
            .filter(|step| self.only.is_empty() || self.only.contains(step))
            .filter(|step| self.from.is_none_or(|from| *step >= from))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn parse(line: &str) -> Result<Command, clap::Error> {
        let args = ["cargo xtask"].into_iter().chain(line.split_whitespace());
        Ok(Cli::try_parse_from(args)?.command.expect("a command"))
    }

    fn test_args(line: &str) -> TestArgs {
        match parse(&format!("test {line}")).unwrap() {
            Command::Test(args) => args,
            other => panic!("{other:?}"),
        }
    }

    fn words(line: &str) -> Vec<String> {
        line.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn the_declaration_is_sound() {
        Cli::command().debug_assert();
    }

    #[test]
    fn everything_runs_by_default_and_the_rest_goes_to_playwright() {
        let args = test_args("-- routing.spec.ts --grep robots");
        assert_eq!(args.steps(), Step::all());
        assert_eq!(args.playwright_args, words("routing.spec.ts --grep robots"));
        assert_eq!(
            test_args("routing.spec.ts").playwright_args,
            ["routing.spec.ts"]
        );
        assert_eq!(
            test_args("--only e2e -- routing.spec.ts").playwright_args,
            ["routing.spec.ts"]
        );
        // The README's command that renews the gallery's pictures.
        let args = test_args("--only e2e-dev -- gallery.spec.ts --update-snapshots");
        assert_eq!(args.steps(), [Step::E2eDev]);
        assert_eq!(
            args.playwright_args,
            words("gallery.spec.ts --update-snapshots")
        );
    }

    #[test]
    fn steps_can_be_chosen() {
        assert_eq!(
            test_args("--only dist,e2e").steps(),
            [Step::Dist, Step::E2e]
        );
        // In running order, whatever the order asked.
        assert_eq!(test_args("--only e2e,fmt").steps(), [Step::Fmt, Step::E2e]);
        assert_eq!(
            test_args("--from browser").steps(),
            [
                Step::Browser,
                Step::Dist,
                Step::E2e,
                Step::E2eEngines,
                Step::E2eDev
            ]
        );
        assert_eq!(
            test_args("--from native").steps()[..2],
            [Step::Native, Step::Contract]
        );
        assert_eq!(test_args("--from dist --only fmt,e2e").steps(), [Step::E2e]);
        assert!(parse("test --only lint").is_err());
        assert!(parse("test --only").is_err());
        assert!(parse("test --from").is_err());
    }

    #[test]
    fn dev_passes_its_arguments_to_trunk() {
        let trunk_args = |line: &str| match parse(line).unwrap() {
            Command::Dev { trunk_args } => trunk_args,
            other => panic!("{other:?}"),
        };
        assert_eq!(trunk_args("dev"), Vec::<String>::new());
        assert_eq!(trunk_args("dev --open"), ["--open"]);
        assert_eq!(trunk_args("dev -- --port 9000"), words("--port 9000"));
    }

    #[test]
    fn dist_takes_the_meta_tags() {
        let meta = |args: &[&str]| {
            let line = ["cargo xtask", "dist"].iter().chain(args);
            match Cli::try_parse_from(line).map(|cli| cli.command) {
                Ok(Some(Command::Dist(meta))) => Ok(meta),
                Ok(other) => panic!("{other:?}"),
                Err(e) => Err(e),
            }
        };
        assert_eq!(meta(&[]).unwrap(), Meta::default());
        assert_eq!(
            meta(&["--api-base", "https://api.example.ru"]).unwrap(),
            Meta {
                api_base: Some("https://api.example.ru".into()),
                ..Meta::default()
            }
        );
        // Empty: the API under the app's own origin.
        assert_eq!(
            meta(&["--api-base", ""]).unwrap().api_base.as_deref(),
            Some("")
        );
        let all = meta(&[
            "--support-email",
            "help@gaz.ru",
            "--wordmark",
            "Межрегионгаз Воронеж",
            "--api-base",
            "x",
        ])
        .unwrap();
        assert_eq!(all.support_email.as_deref(), Some("help@gaz.ru"));
        assert_eq!(all.wordmark.as_deref(), Some("Межрегионгаз Воронеж"));
        assert_eq!(all.api_base.as_deref(), Some("x"));
        assert!(meta(&["--api-base"]).is_err());
        assert!(meta(&["--wordmark"]).is_err());
        assert!(meta(&["--bogus"]).is_err());
    }

    #[test]
    fn the_other_commands_take_no_arguments() {
        assert_eq!(parse("preview").unwrap(), Command::Preview);
        assert_eq!(parse("bench").unwrap(), Command::Bench);
        assert_eq!(parse("tools").unwrap(), Command::Tools);
        assert!(parse("tools --now").is_err());
        assert!(parse("deploy").is_err());
        let help = parse("--help").unwrap_err();
        assert_eq!(help.kind(), clap::error::ErrorKind::DisplayHelp);
        assert!(
            Cli::try_parse_from(["cargo xtask"])
                .unwrap()
                .command
                .is_none()
        );
    }
}
