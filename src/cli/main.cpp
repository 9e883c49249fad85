#include "cli/Application.h"

int main(int argc, char** argv) { return tengerim::run_application(argc, argv); }
