#include "cli/CliOutput.h"

#include <iostream>

#include "common/FileIo.h"

namespace tengerim {
namespace {

void write(const RunOptions& options, const std::string& text) {
  const std::string out = takes_option(options.command(), "output.out") ? options.text("output.out") : "";
  if (out.empty()) {
    std::cout << text;
    std::cout.flush();
  } else {
    write_file_atomically(out, text);
  }
}

bool profiled(const RunOptions& options) {
  return takes_option(options.command(), "output.profile") && options.flag("output.profile");
}

void tell(const RunSummary& summary, bool profile) {
  std::cerr << "tengerim: " << summary.brief() << "\n";
  if (profile) std::cerr << profile_table(summary);
}

}  // namespace

void emit_document(Pipeline& pipeline, Json document) {
  const RunSummary summary = pipeline.finish();
  const bool profile = profiled(pipeline.options());
  if (profile) add_profile(document, summary);
  write(pipeline.options(), document.dump(2) + "\n");
  tell(summary, profile);
}

void emit_text(Pipeline& pipeline, const std::string& text) {
  const RunSummary summary = pipeline.finish();
  write(pipeline.options(), text);
  tell(summary, profiled(pipeline.options()));
}

}  // namespace tengerim
