#include "cli/cli_application.h"

int main(int argc, char** argv) { return shatter::runCliApplication(argc, argv); }
