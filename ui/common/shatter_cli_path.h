#pragma once

#include <QString>

namespace shatter {

// The shatter-cli that worker processes and Slurm tasks run: $SHATTER_CLI when set, else the
// one beside this executable (they are built into, and installed to, one folder), else
// "shatter-cli" from PATH.
QString shatterCliPath();

}  // namespace shatter
