#pragma once

#include <stdexcept>
#include <string>

namespace shatter {

// Base of every error Shatter reports to a user: the message names the file or setting
// and says what is wrong with it, so it can be shown as is.
class ShatterError : public std::runtime_error {
public:
    explicit ShatterError(const std::string& message) : std::runtime_error(message) {}
};

// A dataset file or folder that is missing, malformed or inconsistent.
class DataError : public ShatterError {
public:
    using ShatterError::ShatterError;
};

// A setting (flag, config file key, preset) with a value Shatter cannot use.
class ConfigError : public ShatterError {
public:
    using ShatterError::ShatterError;
};

// A run directory that cannot be read or written.
class RunStoreError : public ShatterError {
public:
    using ShatterError::ShatterError;
};

// A batch scheduler (Slurm) that refused a command or could not be reached; the message holds
// what it said, verbatim.
class SchedulerError : public ShatterError {
public:
    using ShatterError::ShatterError;
};

}  // namespace shatter
