#pragma once
// The command-line front end: parses arguments, runs one command, and turns
// errors into a message on stderr and an exit status (2 for bad input).
namespace tengerim {

int run_application(int argc, char** argv);

}  // namespace tengerim
