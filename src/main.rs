//! The warta binary: hands over to the command line.

fn main() -> std::process::ExitCode {
    warta::cli::main()
}
