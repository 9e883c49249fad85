#pragma once
// The one way a command hands its result to the user: the document on stdout
// or in output.out (written atomically), then on stderr the run's brief
// summary and, with output.profile, the stage table.
#include <string>

#include "report/Document.h"
#include "run/Pipeline.h"

namespace tengerim {

// Finishes the pipeline (so rendering is timed), adds "profile" when asked, writes.
void emit_document(Pipeline& pipeline, Json document);
void emit_text(Pipeline& pipeline, const std::string& text);

}  // namespace tengerim
