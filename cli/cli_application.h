#pragma once

namespace shatter {

// shatter-cli: parses the command line (CLI11) and dispatches to a subcommand. Errors a user
// can act on are printed to stderr with a non-zero exit code.
int runCliApplication(int argc, char** argv);

}  // namespace shatter
